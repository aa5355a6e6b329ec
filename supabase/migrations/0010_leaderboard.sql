-- The weekly leaderboard: XP earned since Monday 00:00 UTC by learners who opted in.
--
-- xp_ledger and profiles are private to their owners, so the board is served by SECURITY DEFINER
-- functions that expose only what a board shows: a rank, a short display name (never the email)
-- and the week's XP. They live in public so Supabase's Data API can call them as RPCs; like every
-- definer function here they pin search_path and qualify every name.

-- The whole week's ranking, in one place for both functions below. Not callable by API roles:
-- it runs as the owner only because the definer functions call it.
create function private.weekly_standings()
returns table (rank bigint, user_id uuid, xp bigint)
language sql stable set search_path = ''
as $$
  with totals as (
    select l.user_id, sum(l.amount)::bigint as xp, max(l.created_at) as reached_at
    from public.xp_ledger l
    join public.profiles p on p.id = l.user_id
    where p.leaderboard_opt_in
      and l.created_at >= date_trunc('week', now() at time zone 'utc') at time zone 'utc'
    group by l.user_id
    having sum(l.amount) > 0
  )
  -- Ties go to whoever reached the total first (their last grant of the week came earlier).
  select row_number() over (order by t.xp desc, t.reached_at, t.user_id), t.user_id, t.xp
  from totals t
$$;

revoke all on function private.weekly_standings() from public, anon, authenticated;

-- "Ada L." from "Ada Lovelace"; "Learner" when there is no usable name. A name that looks like an
-- email address is never shown.
create function private.leaderboard_display_name(p_full_name text)
returns text
language sql immutable set search_path = ''
as $$
  select case
    when w is null or array_length(w, 1) is null or p_full_name like '%@%' then 'Learner'
    when array_length(w, 1) = 1 then left(w[1], 40)
    else left(w[1], 40) || ' ' || upper(left(w[array_length(w, 1)], 1)) || '.'
  end
  from (select nullif(pg_catalog.regexp_split_to_array(pg_catalog.btrim(coalesce(p_full_name, '')), '\s+'), '{""}') as w) names
$$;

revoke all on function private.leaderboard_display_name(text) from public, anon, authenticated;

create function public.weekly_leaderboard(p_limit integer default 50)
returns table (rank bigint, user_id uuid, display_name text, xp bigint)
language sql stable security definer set search_path = ''
as $$
  select s.rank, s.user_id, private.leaderboard_display_name(p.full_name), s.xp
  from private.weekly_standings() s
  join public.profiles p on p.id = s.user_id
  order by s.rank
  limit least(greatest(coalesce(p_limit, 50), 1), 100)
$$;

-- The caller's own line: their week's XP whether or not they opted in, and a rank only when
-- they did and have XP this week.
create function public.my_weekly_rank()
returns table (rank bigint, xp bigint, opted_in boolean)
language sql stable security definer set search_path = ''
as $$
  select
    (select s.rank from private.weekly_standings() s where s.user_id = me.id),
    (select coalesce(sum(l.amount), 0)::bigint from public.xp_ledger l
      where l.user_id = me.id
        and l.created_at >= date_trunc('week', now() at time zone 'utc') at time zone 'utc'),
    coalesce((select p.leaderboard_opt_in from public.profiles p where p.id = me.id), false)
  from (select (select auth.uid()) as id) me
$$;

-- Supabase grants execute on new public functions to anon by default: take it back explicitly.
revoke all on function public.weekly_leaderboard(integer) from public, anon;
revoke all on function public.my_weekly_rank() from public, anon;
grant execute on function public.weekly_leaderboard(integer), public.my_weekly_rank() to authenticated, service_role;
