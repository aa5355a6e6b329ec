-- Stripe subscriptions. Written only by the Stripe webhook job (service role): Stripe is the
-- source of truth, so no API role may insert, change or remove a row.

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  stripe_customer_id varchar(255),
  stripe_subscription_id varchar(255) unique,
  plan_id varchar(100) not null,
  status varchar(50) not null,
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index idx_subscriptions_user on public.subscriptions (user_id);
create index idx_subscriptions_stripe on public.subscriptions (stripe_subscription_id);
create index idx_subscriptions_customer on public.subscriptions (stripe_customer_id);

create trigger touch_subscriptions_updated_at
  before update on public.subscriptions
  for each row execute function private.touch_updated_at();

-- RLS: a subscription is visible to its owner only.
alter table public.subscriptions enable row level security;

revoke all on table public.subscriptions from anon, authenticated;
grant select on table public.subscriptions to authenticated;
grant all on table public.subscriptions to service_role;

create policy "owner reads subscription" on public.subscriptions
  for select to authenticated
  using (user_id = (select auth.uid()));
