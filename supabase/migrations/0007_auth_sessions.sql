-- Built-in auth adapter state: refresh-token families and single-use email tokens. (With Supabase
-- Auth these tables stay empty: GoTrue keeps its own.) Both hold secrets' hashes, so no API role
-- may touch them: RLS is on with no policy and the API roles hold no privilege; the auth code runs
-- as named service jobs.

-- One row per refresh token. A sign-in starts a family; every refresh consumes its token (used_at)
-- and issues the next one in the same family. Presenting a consumed token again means it was
-- stolen or replayed, and the whole family is revoked.
create table public.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  family_id uuid not null,
  -- sha256 of the token, hex; the token itself is never stored
  token_hash char(64) not null unique,
  parent_id uuid references public.refresh_tokens (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  revoked_reason varchar(50),
  user_agent varchar(500),
  ip varchar(64)
);

create index idx_refresh_tokens_user on public.refresh_tokens (user_id);
create index idx_refresh_tokens_family on public.refresh_tokens (family_id);
create index idx_refresh_tokens_parent on public.refresh_tokens (parent_id);
create index idx_refresh_tokens_expires on public.refresh_tokens (expires_at);

-- Email verification and password reset tokens: hashed, expiring, single use.
create table public.auth_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose varchar(20) not null check (purpose in ('verify_email', 'reset_password')),
  token_hash char(64) not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create index idx_auth_tokens_user_purpose on public.auth_tokens (user_id, purpose);
create index idx_auth_tokens_expires on public.auth_tokens (expires_at);

alter table public.refresh_tokens enable row level security;
alter table public.auth_tokens enable row level security;

revoke all on table public.refresh_tokens, public.auth_tokens from anon, authenticated;
grant all on table public.refresh_tokens, public.auth_tokens to service_role;

-- service_role bypasses RLS anyway; the policies state the rule in the catalog: server jobs only.
create policy "server jobs manage refresh tokens" on public.refresh_tokens
  for all to service_role using (true) with check (true);
create policy "server jobs manage email tokens" on public.auth_tokens
  for all to service_role using (true) with check (true);
