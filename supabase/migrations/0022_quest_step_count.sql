-- Performance (issue 7): every catalog card shows how many steps its quest has. The count came from
-- public.quest_outline() once per card, a security-definer call with a join and a sort that cost
-- about 60 µs each — more than half of a catalog page's database time. The count is now kept on
-- the quest itself, so the catalog reads it like any other column.
--
-- It says no more than quest_outline() already told anyone who may read the quest row: how many
-- live (not archived) steps it has. Archived steps (lib/admin/quests/save-quest.ts) do not count.

alter table public.quests add column step_count integer not null default 0 check (step_count >= 0);

-- Runs as its owner: whoever may change steps (an editor, or the seeding jobs) keeps the count
-- right without needing update rights on quests.
create function private.refresh_quest_step_count() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- plpgsql plans a statement when it first runs it, so each branch may name only the transition
  -- tables its event has.
  if tg_op = 'INSERT' then
    perform private.recount_quest_steps(array(select distinct quest_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform private.recount_quest_steps(array(select distinct quest_id from old_rows));
  else
    perform private.recount_quest_steps(array(
      select quest_id from new_rows union select quest_id from old_rows
    ));
  end if;
  return null;
end
$$;

create function private.recount_quest_steps(p_quest_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  update public.quests q
  set step_count = counted.n
  from (
    select ids.id, (select count(*)::int from public.quest_steps s where s.quest_id = ids.id and s.archived_at is null) as n
    from unnest(p_quest_ids) as ids(id)
  ) counted
  where q.id = counted.id and q.step_count <> counted.n
$$;

revoke all on function private.refresh_quest_step_count() from public;
revoke all on function private.recount_quest_steps(uuid[]) from public;

-- Statement-level with transition tables: saving a quest with twenty steps recounts it once, not
-- twenty times. One trigger per event: a trigger with transition tables may name only one.
create trigger quest_steps_count_after_insert
  after insert on public.quest_steps
  referencing new table as new_rows
  for each statement execute function private.refresh_quest_step_count();

create trigger quest_steps_count_after_update
  after update on public.quest_steps
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_quest_step_count();

create trigger quest_steps_count_after_delete
  after delete on public.quest_steps
  referencing old table as old_rows
  for each statement execute function private.refresh_quest_step_count();

select private.recount_quest_steps(array(select id from public.quests));
