-- Supabase compatibility shim.
--
-- On Supabase every object below already exists (roles, the auth schema, auth.users and the
-- auth.* functions), and the runner's user may not even be allowed to create them there. So each
-- piece is created only where it is missing, inside DO blocks that check first: on Supabase this
-- file changes nothing; on PGlite and a plain PostgreSQL it builds the same surface, so the same
-- RLS policies behave the same everywhere.

-- Roles the Data API switches to. Same attributes as Supabase: no login, no inheritance, and only
-- service_role bypasses RLS.
do $shim$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    begin
      create role anon nologin noinherit;
    exception when duplicate_object or unique_violation then null; -- another session won the race
    end;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    begin
      create role authenticated nologin noinherit;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    begin
      create role service_role nologin noinherit bypassrls;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
end
$shim$;

-- The app connects as one database user and switches role per request (`set local role`), which
-- needs membership in each role. Superusers (PGlite, local postgres) pass these checks already.
do $shim$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if not pg_has_role(current_user, r, 'MEMBER') then
      execute format('grant %I to %I', r, current_user);
    end if;
  end loop;
end
$shim$;

do $shim$
begin
  if not exists (select 1 from pg_namespace where nspname = 'auth') then
    create schema auth;
    grant usage on schema auth to anon, authenticated, service_role;
  end if;
end
$shim$;

-- A GoTrue-compatible subset of auth.users: the columns the built-in auth adapter writes, named and
-- typed as Supabase Auth names and types them, so code reading them works on both.
do $shim$
begin
  if not exists (
    select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'auth' and c.relname = 'users'
  ) then
    create table auth.users (
      instance_id uuid,
      id uuid primary key default gen_random_uuid(),
      aud varchar(255) default 'authenticated',
      role varchar(255) default 'authenticated',
      email varchar(255),
      encrypted_password varchar(255),
      email_confirmed_at timestamptz,
      confirmation_sent_at timestamptz,
      recovery_sent_at timestamptz,
      last_sign_in_at timestamptz,
      raw_app_meta_data jsonb default '{}'::jsonb,
      raw_user_meta_data jsonb default '{}'::jsonb,
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      banned_until timestamptz,
      deleted_at timestamptz,
      is_anonymous boolean not null default false
    );
    create unique index users_email_key on auth.users (email);
    -- Nobody but the server reads auth.users directly (as on Supabase, where the API roles have no
    -- grant on it).
    revoke all on table auth.users from anon, authenticated;
    grant all on table auth.users to service_role;
  end if;
end
$shim$;

-- auth.uid(), auth.role(), auth.email(), auth.jwt(): Supabase's own definitions. They read the
-- claims the request put in `request.jwt.claims`. nullif(…, '') matters: after a transaction ends a
-- custom setting reads '' rather than NULL.
do $shim$
begin
  if to_regprocedure('auth.uid()') is null then
    execute $fn$
      create function auth.uid() returns uuid
      language sql stable
      as $body$
        select coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $body$
    $fn$;
  end if;
  if to_regprocedure('auth.role()') is null then
    execute $fn$
      create function auth.role() returns text
      language sql stable
      as $body$
        select coalesce(
          nullif(current_setting('request.jwt.claim.role', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
        )::text
      $body$
    $fn$;
  end if;
  if to_regprocedure('auth.email()') is null then
    execute $fn$
      create function auth.email() returns text
      language sql stable
      as $body$
        select coalesce(
          nullif(current_setting('request.jwt.claim.email', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
        )::text
      $body$
    $fn$;
  end if;
  if to_regprocedure('auth.jwt()') is null then
    execute $fn$
      create function auth.jwt() returns jsonb
      language sql stable
      as $body$
        select coalesce(
          nullif(current_setting('request.jwt.claim', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')
        )::jsonb
      $body$
    $fn$;
  end if;
end
$shim$;

grant usage on schema public to anon, authenticated, service_role;
