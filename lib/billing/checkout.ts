import 'server-only';
import { eq } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import type { Session } from '@/lib/auth/types';
import { asUser } from '@/lib/db';
import { subscriptions } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { ensureStripeCustomer } from './customer';
import { PLANS, type PlanId } from './plans';
import { billingConfigured, billingNotConfigured, stripeClient } from './stripe-client';
import { grantsPremium } from './sync-tier';

/** Where Stripe sends the browser back: APP_URL when configured, else the request's own origin. */
export function returnOrigin(requestOrigin: string): string {
  return (env().APP_URL ?? requestOrigin).replace(/\/+$/, '');
}

/** The Stripe price id of a plan, or 503 naming the variable that is missing. */
function priceIdOf(planId: PlanId): string {
  const plan = PLANS[planId];
  const price = env()[plan.priceEnv];
  if (!price) {
    throw new ApiError('BILLING_NOT_CONFIGURED', `The ${plan.name} plan is not available: ${plan.priceEnv} is not set on this server`);
  }
  return price;
}

/** Whether one of the user's own subscriptions (read under RLS) gives premium right now. */
async function hasPremiumSubscription(session: Session): Promise<boolean> {
  const rows = await asUser(session.claims, (tx) =>
    tx
      .select({ status: subscriptions.status, currentPeriodEnd: subscriptions.currentPeriodEnd, pastDueSince: subscriptions.pastDueSince })
      .from(subscriptions)
      .where(eq(subscriptions.userId, session.user.id)),
  );
  return rows.some((row) => grantsPremium(row));
}

/**
 * Starts a Stripe Checkout session for a premium plan and returns its URL. Nothing is granted
 * here: the webhook applies the subscription once Stripe confirms the payment.
 */
export async function createCheckoutSession(session: Session, planId: PlanId, origin: string): Promise<string> {
  if (!billingConfigured()) throw billingNotConfigured();
  const price = priceIdOf(planId);
  if (await hasPremiumSubscription(session)) {
    throw new ApiError('CONFLICT', 'You already have an active premium subscription: manage it in the billing portal');
  }
  const customer = await ensureStripeCustomer(session);
  const checkout = await stripeClient().checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: session.user.id,
    line_items: [{ price, quantity: 1 }],
    subscription_data: { metadata: { user_id: session.user.id } },
    success_url: `${origin}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${origin}/billing/cancel`,
    allow_promotion_codes: true,
  });
  if (!checkout.url) throw new Error(`Stripe returned checkout session ${checkout.id} without a url`);
  return checkout.url;
}
