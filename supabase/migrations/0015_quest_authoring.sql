-- Quest authoring: keeping learners' progress valid when an editor changes a quest's steps.
--
-- user_progress.current_step is a position among a quest's ACTIVE steps, and a learner never
-- stands past a quiz or task they have not answered (lib/progress/update-progress.ts). When an
-- editor inserts, removes (archives) or reorders steps, those facts can stop holding for learners
-- mid-way. This function restores them, in the editor's own transaction, for every learner of the
-- quest. Progress rows are otherwise written only by server jobs (0012); this is one of them,
-- reachable by editors because it computes everything itself and takes nothing from the caller
-- but the quest id.

-- Lock order for an edit: the quest row (FOR NO KEY UPDATE, which learners' foreign-key checks
-- do not wait on), then — through this function, as editors hold no right to lock progress rows —
-- every progress row of the quest, BEFORE any step changes. A learner's grading or move locks its
-- own progress row first and then needs key-share locks on the quest and its steps; taking the
-- progress rows up front means an editor never holds what such a learner waits for while waiting
-- for that learner (no deadlock), and learners wait for the edit to commit before reading steps.
create function private.lock_quest_progress(p_quest_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (private.has_permission('update:quests') or (select auth.role()) = 'service_role') then
    raise exception 'only quest editors lock progress' using errcode = '42501';
  end if;
  perform 1 from public.user_progress where quest_id = p_quest_id order by id for update;
end
$$;

revoke all on function private.lock_quest_progress(uuid) from public;
grant execute on function private.lock_quest_progress(uuid) to authenticated, service_role;

create function private.reconcile_quest_progress(p_quest_id uuid) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  changed integer;
begin
  if not (private.has_permission('update:quests') or (select auth.role()) = 'service_role') then
    raise exception 'only quest editors reconcile progress' using errcode = '42501';
  end if;

  -- Locked already when the caller took lock_quest_progress; otherwise now. A learner's grading
  -- or move holds its row's lock while it works, so it either finished before (its answers are
  -- seen below, in this statement's later snapshot) or waits for this edit and reads the new steps.
  perform 1 from public.user_progress where quest_id = p_quest_id order by id for update;

  with active as (
    select s.id, s.position, s.kind
    from public.quest_steps s
    where s.quest_id = p_quest_id and s.archived_at is null
  ),
  total as (
    select count(*)::int as n from active
  ),
  learner as (
    select
      up.id,
      up.status,
      up.current_step,
      -- the first quiz or task not answered yet: nobody stands past it
      (select min(a.position) from active a
        where a.kind <> 'reading'
          and not exists (select 1 from public.step_answers sa where sa.progress_id = up.id and sa.step_id = a.id)
      ) as blocking,
      -- an answered step proves the learner reached it (and read what comes before)
      (select max(a.position) from active a
        join public.step_answers sa on sa.step_id = a.id and sa.progress_id = up.id
      ) as last_answered
    from public.user_progress up
    where up.quest_id = p_quest_id
  ),
  placed as (
    select
      l.id,
      l.status,
      l.last_answered,
      t.n,
      case
        -- finished stays finished (with its XP); it simply counts the new number of steps
        when l.status = 'completed' then t.n
        -- in progress: not past the first unanswered quiz or task, and on a step that exists
        else least(l.current_step, coalesce(l.blocking, t.n), greatest(t.n - 1, 0))
      end as step
    from learner l cross join total t
  ),
  target as (
    select
      p.id,
      p.n,
      p.step,
      case
        when p.status = 'completed' or p.n = 0 then 100
        -- the same count as lib/progress/load-for-update.ts percentageDone: an answered quiz or
        -- task is done; a reading is done once the learner is past it
        else round(100.0 * (
          select count(*) from active a
          where (a.kind = 'reading' and a.position < greatest(p.step, coalesce(p.last_answered, 0)))
             or (a.kind <> 'reading' and exists (
                   select 1 from public.step_answers sa where sa.progress_id = p.id and sa.step_id = a.id))
        ) / p.n)::int
      end as percentage
    from placed p
  )
  update public.user_progress up
  set current_step = t.step, total_steps = t.n, progress_percentage = t.percentage
  from target t
  where up.id = t.id
    and (up.current_step is distinct from t.step
      or up.total_steps is distinct from t.n
      or up.progress_percentage is distinct from t.percentage);

  get diagnostics changed = row_count;
  return changed;
end
$$;

revoke all on function private.reconcile_quest_progress(uuid) from public;
grant execute on function private.reconcile_quest_progress(uuid) to authenticated, service_role;
