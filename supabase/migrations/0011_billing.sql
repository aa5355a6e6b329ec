-- Billing: the Stripe customer of each user (created once, reused), and the Stripe events already
-- applied (a replayed delivery is a no-op). Both are written only by billing jobs (service role).

create table public.billing_customers (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  stripe_customer_id varchar(255) not null unique,
  created_at timestamptz not null default now()
);

create table public.stripe_events (
  id varchar(255) primary key,
  type varchar(100) not null,
  -- when Stripe created the event; the object it carries is re-read, so order does not matter
  stripe_created_at timestamptz not null,
  processed_at timestamptz not null default now()
);

create index idx_stripe_events_type on public.stripe_events (type);
create index idx_stripe_events_processed on public.stripe_events (processed_at);

-- A payment failure keeps premium for a grace period: the subscription row remembers when the
-- subscription first went past_due.
alter table public.subscriptions add column past_due_since timestamptz;

-- RLS: a learner reads their own customer mapping; events are for billing jobs alone.
alter table public.billing_customers enable row level security;
alter table public.stripe_events enable row level security;

revoke all on table public.billing_customers, public.stripe_events from anon, authenticated;
grant select on table public.billing_customers to authenticated;
grant all on table public.billing_customers, public.stripe_events to service_role;

create policy "owner reads billing customer" on public.billing_customers
  for select to authenticated
  using (user_id = (select auth.uid()));

create policy "billing jobs manage stripe events" on public.stripe_events
  for all to service_role using (true) with check (true);
