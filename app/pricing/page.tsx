import type { Metadata } from 'next';
import { FormAlert } from '@/components/forms/form-alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { currentSession } from '@/lib/auth/session';
import { PLANS, PLAN_IDS, PREMIUM_BENEFITS, formatPrice, type PlanId } from '@/lib/billing/plans';
import { billingOverview } from '@/lib/billing/queries';
import { billingConfigured } from '@/lib/billing/stripe-client';
import { PlanButton } from './plan-button';

export const metadata: Metadata = { title: 'Pricing' };
export const dynamic = 'force-dynamic';

const FREE_BENEFITS = ['Every free quest, start to finish', 'XP, levels, streaks and achievements', 'The weekly leaderboard'] as const;

function PlanCard({ title, price, current, children }: { title: string; price: string; current: boolean; children: React.ReactNode }) {
  const id = `plan-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section
      aria-labelledby={id}
      className={`flex flex-col rounded-2xl bg-white p-6 shadow-sm ring-1 ${current ? 'ring-2 ring-brand-600' : 'ring-slate-200'}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {current ? <Badge tone="brand">Current plan</Badge> : null}
      </div>
      <p className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{price}</p>
      <div className="mt-5 flex flex-1 flex-col gap-5">{children}</div>
    </section>
  );
}

function Benefits({ items }: { items: readonly string[] }) {
  return (
    <ul className="flex-1 space-y-2 text-sm text-slate-700">
      {items.map((item) => (
        <li key={item} className="flex gap-2">
          <span aria-hidden="true" className="text-brand-700">
            ✓
          </span>
          <span>{item}</span>
        </li>
      ))}
    </ul>
  );
}

export default async function PricingPage() {
  const session = await currentSession();
  const configured = billingConfigured();
  const overview = session ? await billingOverview(session) : null;
  const premium = session?.user.tier === 'premium';
  const currentPlan: PlanId | 'free' | null = !session ? null : premium ? (overview?.plan?.id ?? null) : 'free';

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6">
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">Pricing</h1>
        <p className="mt-2 text-slate-600">Start free. Upgrade to premium for every advanced track; cancel any time.</p>
      </div>

      {!configured ? (
        <FormAlert tone="info">Billing is not configured on this server, so upgrades are unavailable here. Every free quest is open.</FormAlert>
      ) : null}
      {premium ? (
        <FormAlert tone="success">
          You have premium. Change plan, cancel or see invoices under <a className="font-semibold underline" href="/settings#billing">Settings → Billing</a>.
        </FormAlert>
      ) : null}

      <div className="grid gap-6 md:grid-cols-3">
        <PlanCard title="Free" price="$0" current={currentPlan === 'free'}>
          <Benefits items={FREE_BENEFITS} />
          {!session ? (
            <ButtonLink href="/register" variant="secondary">
              Create a free account
            </ButtonLink>
          ) : null}
        </PlanCard>
        {PLAN_IDS.map((id) => {
          const plan = PLANS[id];
          return (
            <PlanCard key={id} title={plan.name} price={formatPrice(plan)} current={currentPlan === id}>
              <Benefits items={PREMIUM_BENEFITS} />
              {!session ? (
                <ButtonLink href={`/login?next=${encodeURIComponent('/pricing')}`}>Sign in to upgrade</ButtonLink>
              ) : premium ? null : (
                <PlanButton plan={id} label={`Choose ${plan.name.toLowerCase()}`} disabled={!configured} />
              )}
            </PlanCard>
          );
        })}
      </div>
    </div>
  );
}
