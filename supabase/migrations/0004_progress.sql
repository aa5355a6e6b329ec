-- Learners' progress through quests.

create table public.user_progress (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  quest_id uuid not null references public.quests (id) on delete cascade,
  status varchar(50) not null default 'in_progress' check (status in ('in_progress', 'completed')),
  progress_percentage integer not null default 0 check (progress_percentage between 0 and 100),
  current_step integer not null default 0 check (current_step >= 0),
  total_steps integer check (total_steps >= 0),
  time_spent_seconds integer not null default 0 check (time_spent_seconds >= 0),
  score integer check (score between 0 and 100),
  started_at timestamptz not null default now(),
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  metadata jsonb not null default '{}'::jsonb,
  unique (user_id, quest_id)
);

create index idx_progress_user on public.user_progress (user_id);
create index idx_progress_quest on public.user_progress (quest_id);
create index idx_progress_status on public.user_progress (status);

create trigger touch_user_progress_updated_at
  before update on public.user_progress
  for each row execute function private.touch_updated_at();

-- Integrity: through an API role a learner may move through a quest (step, percentage, time),
-- but the outcome — status, score, completion time — is written only by the server's grading
-- and completion code (service role or a security-definer function), and time only grows.
create function private.guard_progress_write() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'in_progress' or new.score is not null or new.completed_at is not null
       or new.time_spent_seconds <> 0 or new.current_step <> 0 or new.progress_percentage <> 0 then
      raise exception 'progress starts at the beginning' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.user_id is distinct from old.user_id
     or new.quest_id is distinct from old.quest_id
     or new.status is distinct from old.status
     or new.score is distinct from old.score
     or new.completed_at is distinct from old.completed_at
     or new.started_at is distinct from old.started_at then
    raise exception 'quest outcome is written by the server' using errcode = '42501';
  end if;
  if new.time_spent_seconds < old.time_spent_seconds then
    raise exception 'time spent only grows' using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger guard_progress_write
  before insert or update on public.user_progress
  for each row execute function private.guard_progress_write();

-- RLS: progress is private to its owner and to admins. A learner can only start quests they may
-- read (published; premium ones need premium).
alter table public.user_progress enable row level security;

revoke all on table public.user_progress from anon, authenticated;
grant select, insert, update, delete on table public.user_progress to authenticated;
grant all on table public.user_progress to service_role;

create policy "owner or admin reads progress" on public.user_progress
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "owner starts a readable quest" on public.user_progress
  for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (
      select 1 from public.quests q
      where q.id = quest_id
        and q.is_published
        and (q.tier = 'free' or (select private.has_premium()))
    )
  );

create policy "owner or admin updates progress" on public.user_progress
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "owner or admin deletes progress" on public.user_progress
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
