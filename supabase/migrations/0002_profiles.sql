-- Profiles: the product spec's `users` table. The password hash lives in auth.users
-- (encrypted_password), where Supabase Auth keeps it; everything else the spec lists is here.

-- Helpers that policies call. They live in `private`, a schema the Supabase Data API does not
-- expose, run as their owner so they can read profiles without recursing into profiles' own
-- policies, and pin search_path so no caller can shadow the tables they read.
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email varchar(255) not null unique,
  full_name varchar(255),
  avatar_url text,
  role varchar(50) not null default 'user'
    check (role in ('user', 'premium', 'admin', 'super_admin')),
  subscription_tier varchar(50) not null default 'free'
    check (subscription_tier in ('free', 'premium')),
  subscription_status varchar(50) not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz,
  email_verified boolean not null default false,
  metadata jsonb not null default '{}'::jsonb
);

create index idx_profiles_subscription on public.profiles (subscription_tier, subscription_status);
create index idx_profiles_role on public.profiles (role);

create function private.current_app_role() returns text
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid())
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(private.current_app_role() in ('admin', 'super_admin'), false)
$$;

-- Premium follows the subscription tier; staff see premium content too.
create function private.has_premium() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select p.subscription_tier = 'premium' or p.role in ('premium', 'admin', 'super_admin')
    from public.profiles p where p.id = (select auth.uid())
  ), false)
$$;

revoke all on function private.current_app_role() from public;
revoke all on function private.is_admin() from public;
revoke all on function private.has_premium() from public;
grant execute on function private.current_app_role(), private.is_admin(), private.has_premium()
  to anon, authenticated, service_role;

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Every sign-up (built-in adapter or Supabase Auth) gets a profile row.
create function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, full_name, email_verified)
  values (
    new.id,
    lower(new.email),
    nullif(new.raw_user_meta_data ->> 'full_name', ''),
    new.email_confirmed_at is not null
  );
  return new;
end
$$;

create function private.sync_user_email() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.profiles
     set email = lower(new.email),
         email_verified = new.email_confirmed_at is not null
   where id = new.id;
  return new;
end
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

create trigger on_auth_user_email_changed
  after update of email, email_confirmed_at on auth.users
  for each row execute function private.sync_user_email();

-- Who may change which profile fields. RLS decides which rows a caller may update; this decides
-- which columns: learners edit their name, avatar and metadata; admins may change roles, but
-- only a super_admin grants or removes admin rights; subscription and verification fields are
-- written by server jobs only (webhooks, auth), never by an API role.
create function private.guard_profile_update() returns trigger
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
  if new.role is distinct from old.role then
    caller_role := private.current_app_role();
    if caller_role is null or caller_role not in ('admin', 'super_admin') then
      raise exception 'only admins change roles' using errcode = '42501';
    end if;
    if (new.role in ('admin', 'super_admin') or old.role in ('admin', 'super_admin'))
       and caller_role <> 'super_admin' then
      raise exception 'only a super_admin grants or removes admin rights' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

create trigger guard_profile_update
  before update on public.profiles
  for each row execute function private.guard_profile_update();

create trigger touch_profiles_updated_at
  before update on public.profiles
  for each row execute function private.touch_updated_at();

-- RLS: a profile is private to its owner and to admins. Rows are created by the sign-up trigger
-- and removed with the auth user, so no API role inserts or deletes them.
alter table public.profiles enable row level security;

revoke all on table public.profiles from anon, authenticated;
grant select, update on table public.profiles to authenticated;
grant all on table public.profiles to service_role;

create policy "owner or admin reads profile" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()));

create policy "owner or admin updates profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
