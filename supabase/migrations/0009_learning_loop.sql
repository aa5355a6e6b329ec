-- The learning loop: graded answers, the XP ledger, learning days for streaks, and the profile
-- settings they need.

-- Profile settings a learner edits: their time zone (a learning day is a day where they live) and
-- whether they appear on the weekly leaderboard.
alter table public.profiles
  add column time_zone varchar(64) not null default 'UTC',
  add column leaderboard_opt_in boolean not null default false;

-- A quiz with more than one right answer says so (without saying which): the player shows
-- checkboxes instead of radio buttons.
alter table public.quest_steps
  add column allow_multiple boolean not null default false;

-- One graded answer per quiz step (the first attempt counts) and one confirmation per task step.
-- Written only by the server's grader; learners read their own.
create table public.step_answers (
  id uuid primary key default gen_random_uuid(),
  progress_id uuid not null references public.user_progress (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  step_id uuid not null references public.quest_steps (id) on delete cascade,
  answer jsonb not null check (jsonb_typeof(answer) = 'array'),
  correct boolean not null,
  answered_at timestamptz not null default now(),
  unique (progress_id, step_id)
);

create index idx_step_answers_user on public.step_answers (user_id);
create index idx_step_answers_step on public.step_answers (step_id);

-- Append-only XP ledger: every grant of XP is a row; totals are sums over it. The partial unique
-- indexes make "once per quest" and "once per achievement" facts of the database, whatever races.
create table public.xp_ledger (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  quest_id uuid references public.quests (id) on delete set null,
  achievement_id uuid references public.achievements (id) on delete set null,
  reason varchar(30) not null check (reason in ('quest_completed', 'achievement_unlocked')),
  amount integer not null check (amount >= 0),
  created_at timestamptz not null default now(),
  check ((reason = 'quest_completed') = (quest_id is not null) or reason = 'achievement_unlocked')
);

create unique index xp_ledger_quest_once on public.xp_ledger (user_id, quest_id) where reason = 'quest_completed';
create unique index xp_ledger_achievement_once on public.xp_ledger (user_id, achievement_id) where reason = 'achievement_unlocked';
create index idx_xp_ledger_user_created on public.xp_ledger (user_id, created_at);
create index idx_xp_ledger_created on public.xp_ledger (created_at);
create index idx_xp_ledger_quest on public.xp_ledger (quest_id);
create index idx_xp_ledger_achievement on public.xp_ledger (achievement_id);

-- No one edits history: not even the service role may change or delete a ledger row in place
-- (account deletion removes rows through the cascade, which this trigger does not see).
create function private.xp_ledger_append_only() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'xp_ledger is append-only' using errcode = '42501';
end
$$;

create trigger xp_ledger_append_only
  before update on public.xp_ledger
  for each row execute function private.xp_ledger_append_only();

-- Days on which a learner learned, as dates in their own time zone at the moment of learning.
-- The primary key makes a day count once however many devices report it.
create table public.learning_days (
  user_id uuid not null references public.profiles (id) on delete cascade,
  day date not null,
  created_at timestamptz not null default now(),
  primary key (user_id, day)
);

-- RLS: all three are private to their owner and admins, and written only by server jobs (the
-- grader, the completion job, the achievements engine), so API roles only read.
alter table public.step_answers enable row level security;
alter table public.xp_ledger enable row level security;
alter table public.learning_days enable row level security;

revoke all on table public.step_answers, public.xp_ledger, public.learning_days from anon, authenticated;
grant select on table public.step_answers, public.xp_ledger, public.learning_days to authenticated;
grant all on table public.step_answers, public.xp_ledger, public.learning_days to service_role;

create policy "owner or admin reads answers" on public.step_answers
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "owner or admin reads xp" on public.xp_ledger
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "owner or admin reads learning days" on public.learning_days
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- The catalog asks, for anyone, "has the caller started or finished this quest?". Anonymous
-- callers may run that query and get nothing back: anon has no policy on user_progress, so RLS
-- returns no rows, rather than the query failing for lack of a grant.
grant select on table public.user_progress to anon;
