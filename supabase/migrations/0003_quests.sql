-- The catalog: quests, their steps, and the answer keys kept apart from the steps.

create table public.quests (
  id uuid primary key default gen_random_uuid(),
  slug varchar(80) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title varchar(255) not null,
  description text,
  difficulty varchar(50) not null check (difficulty in ('beginner', 'intermediate', 'advanced')),
  category varchar(100) not null,
  tier varchar(20) not null default 'free' check (tier in ('free', 'premium')),
  duration_minutes integer check (duration_minutes > 0),
  xp_reward integer not null check (xp_reward >= 0),
  -- ids of quests to complete first (a JSON array of uuid strings)
  prerequisites jsonb not null default '[]'::jsonb check (jsonb_typeof(prerequisites) = 'array'),
  -- overview content shown before starting (objectives); the steps live in quest_steps
  content jsonb not null default '{}'::jsonb check (jsonb_typeof(content) = 'object'),
  is_published boolean not null default false,
  published_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index idx_quests_category on public.quests (category);
create index idx_quests_difficulty on public.quests (difficulty);
create index idx_quests_published on public.quests (is_published);
create index idx_quests_tier on public.quests (tier);
create index idx_quests_created_by on public.quests (created_by);

create trigger touch_quests_updated_at
  before update on public.quests
  for each row execute function private.touch_updated_at();

create table public.quest_steps (
  id uuid primary key default gen_random_uuid(),
  quest_id uuid not null references public.quests (id) on delete cascade,
  -- 0-based, matching user_progress.current_step
  position integer not null check (position >= 0),
  kind varchar(20) not null check (kind in ('reading', 'quiz', 'task')),
  title varchar(255) not null,
  -- Markdown: the reading, the quiz question or the task's instructions
  body text not null,
  -- quiz: [{id, text}] answer options; task: [{id, text}] checklist; reading: null
  choices jsonb check (choices is null or jsonb_typeof(choices) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- not deferrable: ON CONFLICT (quest_id, position) needs an immediate constraint as arbiter
  constraint quest_steps_quest_position_key unique (quest_id, position)
);

create index idx_quest_steps_quest on public.quest_steps (quest_id);

create trigger touch_quest_steps_updated_at
  before update on public.quest_steps
  for each row execute function private.touch_updated_at();

-- Answer keys. RLS is on and there is deliberately no policy for anon or authenticated, and
-- those roles hold no privilege on the table either: correct answers cannot be read through any
-- API role, only by the server's grader running as a named job.
create table public.quest_step_answers (
  step_id uuid primary key references public.quest_steps (id) on delete cascade,
  correct_choice_ids jsonb not null check (jsonb_typeof(correct_choice_ids) = 'array'),
  explanation text not null,
  updated_at timestamptz not null default now()
);

create trigger touch_quest_step_answers_updated_at
  before update on public.quest_step_answers
  for each row execute function private.touch_updated_at();

-- RLS: anyone may read published quests (premium ones too, so the catalog can show them
-- locked); admins read drafts and are the only ones who write.
alter table public.quests enable row level security;
alter table public.quest_steps enable row level security;
alter table public.quest_step_answers enable row level security;

revoke all on table public.quests, public.quest_steps, public.quest_step_answers from anon, authenticated;
grant select on table public.quests, public.quest_steps to anon;
grant select, insert, update, delete on table public.quests, public.quest_steps to authenticated;
grant all on table public.quests, public.quest_steps, public.quest_step_answers to service_role;

create policy "anyone reads published quests" on public.quests
  for select to anon, authenticated
  using (is_published);

create policy "admins read all quests" on public.quests
  for select to authenticated
  using ((select private.is_admin()));

create policy "admins create quests" on public.quests
  for insert to authenticated
  with check ((select private.is_admin()));

create policy "admins update quests" on public.quests
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "admins delete quests" on public.quests
  for delete to authenticated
  using ((select private.is_admin()));

-- Steps of published free quests are open to everyone; steps of premium quests only to premium
-- learners and staff (has_premium() counts admins); drafts only to admins.
create policy "anyone reads steps of published free quests" on public.quest_steps
  for select to anon, authenticated
  using (exists (
    select 1 from public.quests q
    where q.id = quest_id and q.is_published and q.tier = 'free'
  ));

create policy "premium learners read steps of published premium quests" on public.quest_steps
  for select to authenticated
  using (
    (select private.has_premium())
    and exists (select 1 from public.quests q where q.id = quest_id and q.is_published)
  );

create policy "admins read all steps" on public.quest_steps
  for select to authenticated
  using ((select private.is_admin()));

create policy "admins create steps" on public.quest_steps
  for insert to authenticated
  with check ((select private.is_admin()));

create policy "admins update steps" on public.quest_steps
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "admins delete steps" on public.quest_steps
  for delete to authenticated
  using ((select private.is_admin()));

-- The outline (position, kind, title) of a published quest is public even when the bodies are
-- not: the catalog shows learners what a premium quest contains before they upgrade.
create function public.quest_outline(p_quest_id uuid)
returns table (step_id uuid, step_position integer, kind varchar, title varchar)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.position, s.kind, s.title
  from public.quest_steps s
  join public.quests q on q.id = s.quest_id
  where s.quest_id = p_quest_id
    and (q.is_published or (select private.is_admin()))
  order by s.position
$$;

revoke all on function public.quest_outline(uuid) from public;
grant execute on function public.quest_outline(uuid) to anon, authenticated, service_role;
