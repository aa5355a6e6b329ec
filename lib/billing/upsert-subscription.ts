import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Tx } from '@/lib/db';
import { billingCustomers, profiles, subscriptions } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { syncTier } from './sync-tier';
import { recordEventIn } from '@/lib/analytics/record-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our plan id for a Stripe price id; an unknown price keeps its Stripe id. */
export function planIdOfPrice(priceId: string | null | undefined): string {
  const config = env();
  if (priceId && priceId === config.STRIPE_PRICE_MONTHLY) return 'premium-monthly';
  if (priceId && priceId === config.STRIPE_PRICE_YEARLY) return 'premium-yearly';
  return priceId ?? 'unknown';
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function dateOf(seconds: unknown): Date | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

/**
 * The billing period: on the subscription's items since API 2025-03 (`items.data[0]`), on the
 * subscription itself before that.
 */
export function periodOf(subscription: Stripe.Subscription): { start: Date | null; end: Date | null } {
  const item = subscription.items?.data?.[0] as (Stripe.SubscriptionItem & Record<string, unknown>) | undefined;
  const legacy = subscription as unknown as { current_period_start?: number; current_period_end?: number };
  return {
    start: dateOf(item?.current_period_start) ?? dateOf(legacy.current_period_start),
    end: dateOf(item?.current_period_end) ?? dateOf(legacy.current_period_end),
  };
}

async function profileExists(tx: Tx, userId: string | null | undefined): Promise<boolean> {
  if (!userId || !UUID.test(userId)) return false;
  const [row] = await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, userId));
  return Boolean(row);
}

/**
 * Whose subscription this is: the recorded customer mapping first, then the user id our checkout
 * put on the subscription's metadata, then the checkout session's client_reference_id. A user
 * learned from metadata is remembered as the customer's owner. Null when nobody matches.
 */
async function resolveUser(tx: Tx, customerId: string | null, candidates: (string | null | undefined)[]): Promise<string | null> {
  if (customerId) {
    const [mapped] = await tx
      .select({ userId: billingCustomers.userId })
      .from(billingCustomers)
      .where(eq(billingCustomers.stripeCustomerId, customerId));
    if (mapped) return mapped.userId;
  }
  for (const candidate of candidates) {
    if (candidate && (await profileExists(tx, candidate))) {
      if (customerId) await tx.insert(billingCustomers).values({ userId: candidate, stripeCustomerId: customerId }).onConflictDoNothing();
      return candidate;
    }
  }
  return null;
}

export type UpsertResult = { userId: string; tier: 'free' | 'premium' } | null;

/**
 * Writes the subscriptions row for Stripe's current view of a subscription (upsert by the Stripe
 * id, so event order does not matter), then makes the profile's tier follow. past_due_since is set
 * the first time the subscription is seen past_due and cleared once it is not. Returns null, and
 * writes nothing, when the subscription belongs to no known user.
 */
export async function upsertSubscription(
  tx: Tx,
  subscription: Stripe.Subscription,
  options: { fallbackUserId?: string | null; now?: Date } = {},
): Promise<UpsertResult> {
  const now = options.now ?? new Date();
  const customerId = idOf(subscription.customer);
  const userId = await resolveUser(tx, customerId, [subscription.metadata?.user_id, options.fallbackUserId]);
  if (!userId) return null;

  const item = subscription.items?.data?.[0];
  const { start, end } = periodOf(subscription);
  const values = {
    userId,
    stripeCustomerId: customerId,
    stripeSubscriptionId: subscription.id,
    planId: planIdOfPrice(idOf(item?.price)),
    status: subscription.status,
    currentPeriodStart: start,
    currentPeriodEnd: end,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    pastDueSince: subscription.status === 'past_due' ? now : null,
  };
  const [row] = await tx
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: subscriptions.stripeSubscriptionId,
      set: {
        stripeCustomerId: values.stripeCustomerId,
        planId: values.planId,
        status: values.status,
        currentPeriodStart: values.currentPeriodStart,
        currentPeriodEnd: values.currentPeriodEnd,
        cancelAtPeriodEnd: values.cancelAtPeriodEnd,
        pastDueSince: sql`case when excluded.status = 'past_due' then coalesce(${subscriptions.pastDueSince}, excluded.past_due_since) else null end`,
      },
    })
    .returning({ userId: subscriptions.userId });
  const owner = row?.userId ?? userId;
  const tier = await syncTier(tx, owner, now);
  await recordEventIn(tx, {
    name: 'subscription_changed',
    userId: owner,
    properties: { status: values.status, planId: values.planId, cancelAtPeriodEnd: values.cancelAtPeriodEnd, tier },
  });
  return { userId: owner, tier };
}
