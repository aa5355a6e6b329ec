import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { PAST_DUE_GRACE_DAYS, PLANS, type Plan, type PlanId } from '@/lib/billing/plans';
import { num } from './sql-range';

export interface PlanRevenue {
  planId: string;
  /** Null for a plan id lib/billing/plans.ts does not know (a Stripe price id we have no amount for). */
  name: string | null;
  interval: Plan['interval'] | null;
  priceCents: number | null;
  subscriptions: number;
  /** Monthly-equivalent revenue of this plan in cents (yearly ÷ 12, rounded); null when unpriced. */
  mrrCents: number | null;
}

export interface RevenueMetrics {
  /** Monthly recurring revenue now, in integer cents. */
  mrrCents: number;
  /** Subscriptions counted in MRR. */
  subscriptions: number;
  /** Paying subscriptions on a plan without a known price: not in mrrCents. */
  unpricedSubscriptions: number;
  plans: PlanRevenue[];
  /** When MRR was measured (ISO 8601). */
  asOf: string;
}

const planOf = (planId: string): Plan | null => (planId in PLANS ? PLANS[planId as PlanId] : null);

/**
 * MRR now, from the subscriptions table (Stripe's current view, written by the webhook): every
 * subscription that grants premium — active, trialing, or past_due within the grace period, the
 * rule of lib/billing/sync-tier.ts — priced by its plan in lib/billing/plans.ts, yearly plans at a
 * twelfth of their price. The subscriptions table keeps no history, so MRR is not per range.
 */
export async function revenueMetrics(tx: Tx, now = new Date()): Promise<RevenueMetrics> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await queryRows<{ plan_id: string; subscriptions: unknown }>(
    tx,
    sql`select plan_id, count(*) as subscriptions
          from public.subscriptions
         where status in ('active', 'trialing')
            or (status = 'past_due' and coalesce(past_due_since, ${at}) > ${at} - make_interval(days => ${PAST_DUE_GRACE_DAYS}))
         group by plan_id
         order by plan_id`,
  );
  // Sum in twelfths of a cent so yearly plans are rounded once, not once per subscription.
  let twelfths = 0;
  let unpriced = 0;
  const plans = rows.map((row): PlanRevenue => {
    const count = num(row.subscriptions);
    const plan = planOf(row.plan_id);
    if (!plan) {
      unpriced += count;
      return { planId: row.plan_id, name: null, interval: null, priceCents: null, subscriptions: count, mrrCents: null };
    }
    const planTwelfths = count * plan.amountCents * (plan.interval === 'year' ? 1 : 12);
    twelfths += planTwelfths;
    return {
      planId: plan.id,
      name: plan.name,
      interval: plan.interval,
      priceCents: plan.amountCents,
      subscriptions: count,
      mrrCents: Math.round(planTwelfths / 12),
    };
  });
  return {
    mrrCents: Math.round(twelfths / 12),
    subscriptions: plans.reduce((sum, p) => sum + p.subscriptions, 0),
    unpricedSubscriptions: unpriced,
    plans,
    asOf: now.toISOString(),
  };
}
