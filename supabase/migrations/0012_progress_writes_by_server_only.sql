-- Hardening after review. Learners changed their own progress only through the server's jobs
-- (grade-step, update-progress), yet the Data API still let them update and delete their rows
-- directly: inflating time spent (time achievements) or deleting progress to answer quizzes again
-- (perfect-score achievements). Progress now moves only through those jobs; learners keep reading
-- their rows and starting quests (insert, guarded to step 0).

drop policy "owner or admin updates progress" on public.user_progress;
drop policy "owner or admin deletes progress" on public.user_progress;
revoke update, delete on table public.user_progress from authenticated;

-- A profile's time zone must be one PostgreSQL knows: learning days are computed with it, and an
-- unknown zone written through the Data API would break that learner's every answer.
create function private.check_time_zone() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception 'unknown time zone %', new.time_zone using errcode = '22023';
  end if;
  return new;
end
$$;

create trigger check_profile_time_zone
  before insert or update of time_zone on public.profiles
  for each row execute function private.check_time_zone();
