-- Mail outbox: one row per mail the app sends (email verification, password reset, ...).
-- With no mail provider configured (provider 'outbox') the row IS the mail: nothing leaves the
-- machine, and the dev mailbox (/dev/mailbox) and the e2e suite read the links from it. With
-- SendGrid (provider 'sendgrid') the row is the delivery log: recipient, subject, template, and
-- SendGrid's message id or the error, but never the body (text_body '' and html_body null).
--
-- Bodies hold single-use tokens, so the table belongs to server jobs alone: no API role may read
-- or write it, whatever the policies say, because it has no grant for them.

create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email varchar(255) not null,
  subject varchar(255) not null,
  text_body text not null,
  html_body text,
  template varchar(50) not null check (template ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  provider varchar(20) not null check (provider in ('outbox', 'sendgrid')),
  provider_message_id text,
  error text,
  -- A delivery log row must not keep the token-bearing body the provider delivered.
  constraint mail_outbox_sendgrid_keeps_no_body
    check (provider = 'outbox' or (text_body = '' and html_body is null))
);

-- latestMailTo (to_email, newest first) and the mailbox's keyset pages (created_at, id).
create index idx_mail_outbox_to_email on public.mail_outbox (to_email, created_at desc);
create index idx_mail_outbox_created on public.mail_outbox (created_at desc, id desc);

-- RLS: service role only. anon and authenticated get no privilege and no policy, so a select,
-- insert, update or delete by any signed-in or anonymous caller (including admins) is refused;
-- on Supabase this also closes the table to the Data API. The one policy names service_role,
-- which bypasses RLS anyway: it states the rule in the catalog rather than granting anything.
alter table public.mail_outbox enable row level security;

revoke all on table public.mail_outbox from anon, authenticated;
grant all on table public.mail_outbox to service_role;

create policy "server jobs manage mail" on public.mail_outbox
  for all to service_role
  using (true)
  with check (true);
