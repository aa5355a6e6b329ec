-- Achievements admin: "how many learners already qualify" and the backfill judge every learner
-- in one query per criterion (lib/admin/achievements/qualifying-learners.ts). Most criteria are
-- plain aggregates over progress, the XP ledger or learning days; the longest streak is not,
-- because freezes make it a walk over a learner's days in order. This aggregate is that walk,
-- step for step the same as computeStreak() in lib/streaks/compute-streak.ts, which the
-- per-learner engine uses (tests/lib/admin/achievements holds the two equal). The freeze rules
-- arrive as arguments so their numbers stay in one place, the TypeScript module.
--
-- Call it with the days in order: private.longest_streak(day, 7, 2 order by day).

-- State: {previous day number, current run, freezes held, longest run}; empty before the first day.
create function private.longest_streak_step(state integer[], p_day date, p_days_per_freeze integer, p_max_freezes integer)
returns integer[]
language plpgsql immutable set search_path = ''
as $$
declare
  n integer := p_day - date '1970-01-01';
  previous integer := state[1];
  run integer := coalesce(state[2], 0);
  freezes integer := coalesce(state[3], 0);
  longest integer := coalesce(state[4], 0);
  missed integer;
begin
  -- A day already counted (or a null) changes nothing, as computeStreak's de-duplication does.
  if p_day is null or (previous is not null and n <= previous) then
    return state;
  end if;
  missed := case when previous is null then 0 else n - previous - 1 end;
  if previous is null or missed > 1 or (missed = 1 and freezes = 0) then
    run := 0;
    freezes := 0;
  elsif missed = 1 then
    freezes := freezes - 1; -- a held freeze covers the single missed day
  end if;
  run := run + 1;
  if run % p_days_per_freeze = 0 then
    freezes := least(p_max_freezes, freezes + 1);
  end if;
  return array[n, run, freezes, greatest(longest, run)];
end
$$;

create function private.longest_streak_final(state integer[]) returns integer
language sql immutable set search_path = ''
as $$
  select coalesce(state[4], 0)
$$;

create aggregate private.longest_streak(date, integer, integer) (
  sfunc = private.longest_streak_step,
  stype = integer[],
  finalfunc = private.longest_streak_final,
  initcond = '{}'
);

-- Admins run the preview as themselves (RLS applies to the rows it reads); the backfill is a
-- service job.
revoke all on function private.longest_streak_step(integer[], date, integer, integer) from public;
revoke all on function private.longest_streak_final(integer[]) from public;
revoke all on function private.longest_streak(date, integer, integer) from public;
grant execute on function private.longest_streak_step(integer[], date, integer, integer),
  private.longest_streak_final(integer[]),
  private.longest_streak(date, integer, integer)
  to authenticated, service_role;
