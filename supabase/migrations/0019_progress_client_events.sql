-- Offline sync (issue 7, PWA): the player queues step moves and answers while offline and replays
-- them when back online, each with a client event id. The server records the outcome of each
-- event in the same transaction as the change it made, so a replay (a retry after a lost
-- response, or the queue sent twice) returns the stored outcome and applies nothing again.

create table public.progress_client_events (
  user_id uuid not null references public.profiles (id) on delete cascade,
  client_event_id uuid not null,
  -- Which route recorded it: the same id sent to the other route is refused, not replayed.
  kind varchar(20) not null check (kind in ('progress_update', 'step_answer')),
  progress_id uuid not null references public.user_progress (id) on delete cascade,
  response jsonb not null check (jsonb_typeof(response) = 'object'),
  created_at timestamptz not null default now(),
  primary key (user_id, client_event_id)
);

create index idx_progress_client_events_progress on public.progress_client_events (progress_id);

-- RLS: the owner reads their own outcomes; only the server's jobs write them.
alter table public.progress_client_events enable row level security;

revoke all on table public.progress_client_events from anon, authenticated;
grant select on table public.progress_client_events to authenticated;
grant all on table public.progress_client_events to service_role;

create policy "owner reads own client events" on public.progress_client_events
  for select to authenticated
  using (user_id = (select auth.uid()));
