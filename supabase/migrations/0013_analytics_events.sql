-- Analytics events fed by the app: the raw material of the admin dashboard (DAU/MAU, completion
-- rate and drop-off, conversion, churn). Written only by server code; readable by admins.

create table public.analytics_events (
  id uuid primary key default gen_random_uuid(),
  name varchar(40) not null check (name in (
    'sign_up', 'login', 'quest_start', 'step_answered', 'quest_complete',
    'checkout_started', 'subscription_changed'
  )),
  user_id uuid references public.profiles (id) on delete set null,
  quest_id uuid references public.quests (id) on delete set null,
  step_position integer,
  properties jsonb not null default '{}'::jsonb check (jsonb_typeof(properties) = 'object'),
  occurred_at timestamptz not null default now()
);

-- Aggregates scan by time, by event over time, per learner over time, and per quest (funnels).
create index idx_analytics_events_occurred on public.analytics_events (occurred_at);
create index idx_analytics_events_name_occurred on public.analytics_events (name, occurred_at);
create index idx_analytics_events_user_occurred on public.analytics_events (user_id, occurred_at);
create index idx_analytics_events_quest_name on public.analytics_events (quest_id, name, step_position);

-- RLS: admins read (analytics); nobody but server jobs writes.
alter table public.analytics_events enable row level security;

revoke all on table public.analytics_events from anon, authenticated;
grant select on table public.analytics_events to authenticated;
grant all on table public.analytics_events to service_role;

create policy "admins read analytics events" on public.analytics_events
  for select to authenticated
  using ((select private.is_admin()));
