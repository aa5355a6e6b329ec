-- Achievements are data: `criteria` is a JSON object ({type, ...params}) that one engine
-- evaluates (lib/achievements/criteria.ts defines the shapes).

create table public.achievements (
  id uuid primary key default gen_random_uuid(),
  slug varchar(80) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name varchar(255) not null,
  description text,
  icon_url text,
  criteria jsonb not null check (jsonb_typeof(criteria) = 'object' and criteria ? 'type'),
  xp_reward integer not null default 0 check (xp_reward >= 0),
  rarity varchar(50) not null default 'common'
    check (rarity in ('common', 'uncommon', 'rare', 'epic', 'legendary')),
  created_at timestamptz not null default now()
);

create index idx_achievements_rarity on public.achievements (rarity);

create table public.user_achievements (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  achievement_id uuid not null references public.achievements (id) on delete cascade,
  unlocked_at timestamptz not null default now(),
  unique (user_id, achievement_id)
);

create index idx_user_achievements_user on public.user_achievements (user_id);
create index idx_user_achievements_achievement on public.user_achievements (achievement_id);

-- RLS: the list of achievements is public; admins author it. Unlocks are private to their owner
-- and admins; learners never award themselves (the engine runs as a server job), admins may
-- award or revoke (backfill).
alter table public.achievements enable row level security;
alter table public.user_achievements enable row level security;

revoke all on table public.achievements, public.user_achievements from anon, authenticated;
grant select on table public.achievements to anon;
grant select, insert, update, delete on table public.achievements to authenticated;
grant select, insert, delete on table public.user_achievements to authenticated;
grant all on table public.achievements, public.user_achievements to service_role;

create policy "anyone reads achievements" on public.achievements
  for select to anon, authenticated
  using (true);

create policy "admins create achievements" on public.achievements
  for insert to authenticated
  with check ((select private.is_admin()));

create policy "admins update achievements" on public.achievements
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "admins delete achievements" on public.achievements
  for delete to authenticated
  using ((select private.is_admin()));

create policy "owner or admin reads unlocks" on public.user_achievements
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "admins award achievements" on public.user_achievements
  for insert to authenticated
  with check ((select private.is_admin()));

create policy "admins revoke achievements" on public.user_achievements
  for delete to authenticated
  using ((select private.is_admin()));
