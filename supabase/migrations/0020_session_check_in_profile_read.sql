-- Performance (issue 7): every signed-in request checked its session family in one transaction
-- (as the auth job) and read the profile in another — two transactions, eight round trips, before
-- the route's own work. This function lets the profile read, made as the learner, say in the same
-- statement whether the learner's session family is still live.
--
-- It reads refresh_tokens, which no API role may touch, so it runs as its owner; it answers only
-- for the caller's own families (user_id = auth.uid()), a yes or no that reveals no token data.
create function private.session_family_active(p_family_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.refresh_tokens t
    where t.family_id = p_family_id and t.user_id = (select auth.uid()) and t.revoked_at is null
  )
$$;

revoke all on function private.session_family_active(uuid) from public;
grant execute on function private.session_family_active(uuid) to authenticated, service_role;
