import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { profiles, subscriptions } from '@/lib/db/schema';
import { PAST_DUE_GRACE_DAYS } from './plans';

type SubscriptionRow = typeof subscriptions.$inferSelect;

/**
 * Whether a subscription gives premium right now. Active and trialing do; canceled-at-period-end
 * stays active in Stripe until the period ends; past_due keeps access for a grace period from
 * when it first went past due; everything else (canceled, unpaid, incomplete…) does not.
 */
export function grantsPremium(sub: Pick<SubscriptionRow, 'status' | 'currentPeriodEnd' | 'pastDueSince'>, now = new Date()): boolean {
  if (sub.status === 'active' || sub.status === 'trialing') return true;
  if (sub.status === 'past_due') {
    const since = sub.pastDueSince ?? now;
    return now.getTime() - since.getTime() < PAST_DUE_GRACE_DAYS * 24 * 60 * 60 * 1000;
  }
  return false;
}

/**
 * Makes the profile's subscription_tier/status follow the user's subscriptions (the JWT's tier
 * follows the profile at the next refresh; RLS reads the profile directly). Service-role jobs only.
 */
export async function syncTier(tx: Tx, userId: string, now = new Date()): Promise<'free' | 'premium'> {
  const subs = await tx.select().from(subscriptions).where(eq(subscriptions.userId, userId)).orderBy(desc(subscriptions.updatedAt));
  const granting = subs.find((s) => grantsPremium(s, now));
  const tier = granting ? 'premium' : 'free';
  const status = granting?.status ?? subs[0]?.status ?? 'active';
  await tx.update(profiles).set({ subscriptionTier: tier, subscriptionStatus: status }).where(and(eq(profiles.id, userId)));
  return tier;
}
