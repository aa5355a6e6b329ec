import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { cache } from 'react';
import type { Session } from '@/lib/auth/types';
import { asUser } from '@/lib/db';
import { billingCustomers, subscriptions } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { PLANS, PLAN_IDS, type Plan, type PlanId } from './plans';
import { billingConfigured } from './stripe-client';
import { grantsPremium } from './sync-tier';

export interface BillingOverview {
  /** Whether this server can take payments (STRIPE_SECRET_KEY is set). */
  configured: boolean;
  /** The plan of the subscription shown, when it is one of ours. */
  plan: Plan | null;
  /** Stripe's status of that subscription (active, trialing, past_due, canceled…). */
  status: string | null;
  tier: 'free' | 'premium';
  /** When the subscription renews (ISO), unless it is set to end. */
  renewsAt: string | null;
  /** When a subscription canceled at period end stops (ISO). */
  endsAt: string | null;
  /** Whether the user has a Stripe customer, so the billing portal has something to manage. */
  hasCustomer: boolean;
}

/** plan_id holds our plan id, or (as Stripe reports it) the plan's price id. */
function planOf(planId: string): Plan | null {
  if ((PLAN_IDS as readonly string[]).includes(planId)) return PLANS[planId as PlanId];
  const config = env();
  return Object.values(PLANS).find((plan) => config[plan.priceEnv] === planId) ?? null;
}

/**
 * The settings page's billing summary, read as the user (RLS: their own subscriptions and
 * billing_customers row). The subscription shown is the one giving premium, else the latest.
 */
export const billingOverview = cache(async (session: Session): Promise<BillingOverview> => {
  const { subs, customer } = await asUser(session.claims, async (tx) => {
    const subs = await tx.select().from(subscriptions).where(eq(subscriptions.userId, session.user.id)).orderBy(desc(subscriptions.updatedAt));
    const [customer] = await tx
      .select({ id: billingCustomers.stripeCustomerId })
      .from(billingCustomers)
      .where(eq(billingCustomers.userId, session.user.id));
    return { subs, customer };
  });
  const sub = subs.find((s) => grantsPremium(s)) ?? subs[0] ?? null;
  const periodEnd = sub?.currentPeriodEnd?.toISOString() ?? null;
  const live = sub ? grantsPremium(sub) : false;
  return {
    configured: billingConfigured(),
    plan: sub ? planOf(sub.planId) : null,
    status: sub?.status ?? null,
    tier: session.user.tier,
    renewsAt: live && !sub?.cancelAtPeriodEnd ? periodEnd : null,
    endsAt: live && sub?.cancelAtPeriodEnd ? periodEnd : null,
    hasCustomer: Boolean(customer),
  };
});
