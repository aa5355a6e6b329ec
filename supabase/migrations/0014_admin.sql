-- The admin area: permissions per admin, suspension, quest authoring (covers, archived quests and
-- steps, answer keys for editors) and the audit log. Every admin write is checked here by the
-- permission it needs, not only by "is staff", so an admin limited to analytics cannot edit quests
-- through the Data API either.

-- A super_admin may limit an admin to some of the admin permissions (null = all of the role's).
-- A suspended account keeps its data but loses every right the policies grant (current_app_role
-- answers null), and the app ends its sessions at once.
alter table public.profiles
  add column admin_permissions text[] check (
    admin_permissions is null
    or admin_permissions <@ array['create:quests', 'update:quests', 'delete:quests', 'manage:users', 'view:analytics']::text[]
  ),
  add column suspended_at timestamptz,
  add column suspended_reason varchar(500);

create index idx_profiles_suspended on public.profiles (suspended_at) where suspended_at is not null;

create or replace function private.current_app_role() returns text
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid()) and p.suspended_at is null
$$;

-- The one database twin of lib/auth/permissions.ts: learners read quests; a super_admin holds
-- every permission; an admin holds those in admin_permissions, or all when it is null.
create function private.has_permission(p_permission text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select case
      when p.role = 'super_admin' then true
      when p.role = 'admin' then p.admin_permissions is null or p_permission = any (p.admin_permissions) or p_permission = 'read:quests'
      else p_permission = 'read:quests'
    end
    from public.profiles p
    where p.id = (select auth.uid()) and p.suspended_at is null
  ), false)
$$;

revoke all on function private.has_permission(text) from public;
grant execute on function private.has_permission(text) to anon, authenticated, service_role;

-- Column rules for admins editing other profiles, on top of 0002's rules for everyone.
create or replace function private.guard_profile_update() returns trigger
language plpgsql set search_path = ''
as $$
declare
  caller_role text;
begin
  if current_user not in ('anon', 'authenticated') then
    return new; -- service role and migrations
  end if;
  if new.id is distinct from old.id
     or new.email is distinct from old.email
     or new.email_verified is distinct from old.email_verified
     or new.subscription_tier is distinct from old.subscription_tier
     or new.subscription_status is distinct from old.subscription_status
     or new.created_at is distinct from old.created_at
     or new.last_login_at is distinct from old.last_login_at then
    raise exception 'profile field is managed by the server'
      using errcode = '42501', hint = 'email, verification, subscription and login fields are read-only';
  end if;
  caller_role := private.current_app_role();
  if new.role is distinct from old.role then
    if caller_role is null or not private.has_permission('manage:users') then
      raise exception 'only admins who manage users change roles' using errcode = '42501';
    end if;
    if (new.role in ('admin', 'super_admin') or old.role in ('admin', 'super_admin'))
       and caller_role <> 'super_admin' then
      raise exception 'only a super_admin grants or removes admin rights' using errcode = '42501';
    end if;
  end if;
  if new.admin_permissions is distinct from old.admin_permissions and caller_role is distinct from 'super_admin' then
    raise exception 'only a super_admin sets admin permissions' using errcode = '42501';
  end if;
  if new.suspended_at is distinct from old.suspended_at or new.suspended_reason is distinct from old.suspended_reason then
    if not private.has_permission('manage:users') then
      raise exception 'only admins who manage users suspend accounts' using errcode = '42501';
    end if;
    if new.id = (select auth.uid()) then
      raise exception 'nobody suspends or reinstates themselves' using errcode = '42501';
    end if;
    if old.role in ('admin', 'super_admin') and caller_role <> 'super_admin' then
      raise exception 'only a super_admin suspends an admin' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

drop policy "owner or admin updates profile" on public.profiles;
create policy "owner or user manager updates profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.has_permission('manage:users')))
  with check (id = (select auth.uid()) or (select private.has_permission('manage:users')));

-- Quests: a cover image, and archiving — a quest learners have progress in is archived rather
-- than deleted, so their history (and XP) keeps its quest.
alter table public.quests
  add column cover_image_url text check (cover_image_url is null or cover_image_url ~ '^(/|https://)'),
  add column archived_at timestamptz,
  add constraint quests_archived_not_published check (archived_at is null or not is_published);

create index idx_quests_archived on public.quests (archived_at) where archived_at is not null;

drop policy "admins create quests" on public.quests;
drop policy "admins update quests" on public.quests;
drop policy "admins delete quests" on public.quests;

create policy "editors create quests" on public.quests
  for insert to authenticated
  with check ((select private.has_permission('create:quests')));

create policy "editors update quests" on public.quests
  for update to authenticated
  using ((select private.has_permission('update:quests')))
  with check ((select private.has_permission('update:quests')));

create policy "editors delete quests" on public.quests
  for delete to authenticated
  using ((select private.has_permission('delete:quests')));

-- Steps keep stable ids forever once learners may have answered them: a step removed from a
-- published quest is archived, not deleted. Active steps hold positions 0..n-1 (user_progress
-- .current_step counts them); archived ones move to negative positions, out of the way of the
-- (quest_id, position) key, and no learner query sees them.
alter table public.quest_steps
  add column archived_at timestamptz,
  drop constraint quest_steps_position_check,
  add constraint quest_steps_position_check check ((archived_at is null and position >= 0) or (archived_at is not null and position < 0));

create index idx_quest_steps_active on public.quest_steps (quest_id, position) where archived_at is null;

drop policy "anyone reads steps of published free quests" on public.quest_steps;
drop policy "premium learners read steps of published premium quests" on public.quest_steps;
drop policy "admins create steps" on public.quest_steps;
drop policy "admins update steps" on public.quest_steps;
drop policy "admins delete steps" on public.quest_steps;

create policy "anyone reads steps of published free quests" on public.quest_steps
  for select to anon, authenticated
  using (
    archived_at is null
    and exists (select 1 from public.quests q where q.id = quest_id and q.is_published and q.tier = 'free')
  );

create policy "premium learners read steps of published premium quests" on public.quest_steps
  for select to authenticated
  using (
    archived_at is null
    and (select private.has_premium())
    and exists (select 1 from public.quests q where q.id = quest_id and q.is_published)
  );

-- Whoever may create a quest may give it steps; changing or removing steps is updating the quest.
create policy "editors create steps" on public.quest_steps
  for insert to authenticated
  with check ((select private.has_permission('create:quests')) or (select private.has_permission('update:quests')));

create policy "editors update steps" on public.quest_steps
  for update to authenticated
  using ((select private.has_permission('update:quests')))
  with check ((select private.has_permission('update:quests')));

create policy "editors delete steps" on public.quest_steps
  for delete to authenticated
  using ((select private.has_permission('update:quests')) or (select private.has_permission('delete:quests')));

create or replace function public.quest_outline(p_quest_id uuid)
returns table (step_id uuid, step_position integer, kind varchar, title varchar)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.position, s.kind, s.title
  from public.quest_steps s
  join public.quests q on q.id = s.quest_id
  where s.quest_id = p_quest_id
    and s.archived_at is null
    and (q.is_published or (select private.is_admin()))
  order by s.position
$$;

-- Answer keys stay closed to every API role (0003). Editors reach them only through these two
-- functions, which check the permission themselves; `private` is not exposed by the Data API.
create function private.editor_answer_keys(p_quest_id uuid)
returns table (step_id uuid, correct_choice_ids jsonb, explanation text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (private.has_permission('update:quests') or private.has_permission('create:quests')) then
    raise exception 'only quest editors read answer keys' using errcode = '42501';
  end if;
  return query
    select a.step_id, a.correct_choice_ids, a.explanation
    from public.quest_step_answers a
    join public.quest_steps s on s.id = a.step_id
    where s.quest_id = p_quest_id;
end
$$;

-- Writes (or, with a null key, removes) the answer key of one step.
create function private.put_answer_key(p_step_id uuid, p_correct_choice_ids jsonb, p_explanation text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (private.has_permission('update:quests') or private.has_permission('create:quests')) then
    raise exception 'only quest editors write answer keys' using errcode = '42501';
  end if;
  if p_correct_choice_ids is null then
    delete from public.quest_step_answers where step_id = p_step_id;
  else
    insert into public.quest_step_answers (step_id, correct_choice_ids, explanation)
    values (p_step_id, p_correct_choice_ids, coalesce(p_explanation, ''))
    on conflict (step_id) do update
      set correct_choice_ids = excluded.correct_choice_ids, explanation = excluded.explanation;
  end if;
end
$$;

revoke all on function private.editor_answer_keys(uuid) from public;
revoke all on function private.put_answer_key(uuid, jsonb, text) from public;
grant execute on function private.editor_answer_keys(uuid), private.put_answer_key(uuid, jsonb, text)
  to authenticated, service_role;

-- Achievements are catalog content: the quest permissions cover them, and awarding one to the
-- learners who qualify (backfill) is an update of the catalog.
drop policy "admins create achievements" on public.achievements;
drop policy "admins update achievements" on public.achievements;
drop policy "admins delete achievements" on public.achievements;
drop policy "admins award achievements" on public.user_achievements;
drop policy "admins revoke achievements" on public.user_achievements;

create policy "editors create achievements" on public.achievements
  for insert to authenticated
  with check ((select private.has_permission('create:quests')));

create policy "editors update achievements" on public.achievements
  for update to authenticated
  using ((select private.has_permission('update:quests')))
  with check ((select private.has_permission('update:quests')));

create policy "editors delete achievements" on public.achievements
  for delete to authenticated
  using ((select private.has_permission('delete:quests')));

create policy "editors award achievements" on public.user_achievements
  for insert to authenticated
  with check ((select private.has_permission('update:quests')));

create policy "editors revoke achievements" on public.user_achievements
  for delete to authenticated
  using ((select private.has_permission('update:quests')));

-- Analytics: events and subscriptions (MRR, churn) are read by whoever holds view:analytics.
drop policy "admins read analytics events" on public.analytics_events;
create policy "analysts read analytics events" on public.analytics_events
  for select to authenticated
  using ((select private.has_permission('view:analytics')));

create policy "analysts read subscriptions" on public.subscriptions
  for select to authenticated
  using ((select private.has_permission('view:analytics')));

-- The audit log: who did what to which record, when, with the record before and after. Written in
-- the same transaction as the admin action it records (so neither exists without the other), by
-- the acting admin for themselves only; read by super admins; never changed.
create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid references public.profiles (id) on delete set null,
  -- kept as written, so the entry still says who acted after that account is gone
  actor_email varchar(255) not null,
  action varchar(60) not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_type varchar(40) not null,
  target_id varchar(100),
  target_label varchar(255),
  before jsonb,
  after jsonb,
  request_id varchar(100),
  created_at timestamptz not null default now()
);

create index idx_audit_log_created on public.audit_log (created_at desc);
create index idx_audit_log_actor on public.audit_log (actor_id, created_at desc);
create index idx_audit_log_target on public.audit_log (target_type, target_id, created_at desc);
create index idx_audit_log_action on public.audit_log (action, created_at desc);

create function private.audit_log_append_only() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;

-- Deleting the actor's profile sets actor_id to null through the foreign key; that is the one
-- change allowed (an UPDATE of only actor_id to null).
create function private.audit_log_guard_update() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.actor_id is null and old.actor_id is not null
     and (to_jsonb(new) - 'actor_id') = (to_jsonb(old) - 'actor_id') then
    return new;
  end if;
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;

create trigger audit_log_no_update
  before update on public.audit_log
  for each row execute function private.audit_log_guard_update();

create trigger audit_log_no_delete
  before delete on public.audit_log
  for each row execute function private.audit_log_append_only();

alter table public.audit_log enable row level security;

revoke all on table public.audit_log from anon, authenticated;
grant select, insert on table public.audit_log to authenticated;
grant select, insert on table public.audit_log to service_role;

create policy "super admins read the audit log" on public.audit_log
  for select to authenticated
  using ((select private.current_app_role()) = 'super_admin');

create policy "admins record their own actions" on public.audit_log
  for insert to authenticated
  with check (actor_id = (select auth.uid()) and (select private.is_admin()));
