-- User management (admin area): the user list sorts by sign-up and by last sign-in, newest first,
-- with bounded offset paging. These indexes serve both orders (id breaks ties so pages are stable).
-- Search ("email or name contains") stays a scan over profiles: a trigram index would need
-- pg_trgm, which PGlite (the embedded default) does not load.
create index idx_profiles_created on public.profiles (created_at desc, id desc);
create index idx_profiles_last_login on public.profiles (last_login_at desc nulls last, id desc);
