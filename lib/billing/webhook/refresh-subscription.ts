import 'server-only';
import type Stripe from 'stripe';
import { logger } from '@/lib/observability/logger';
import { upsertSubscription } from '../upsert-subscription';
import type { WebhookContext } from './types';

export function warn(event: Stripe.Event, msg: string, extra: Record<string, unknown> = {}) {
  logger().warn({ eventId: event.id, type: event.type, ...extra }, msg);
}

/**
 * Re-reads the subscription from Stripe (the event's copy may be older than what we already
 * applied) and upserts our row from it. Unknown users are logged and skipped: answering 4xx
 * would only make Stripe retry forever.
 */
export async function refreshSubscription(
  { tx, stripe, event }: WebhookContext,
  subscriptionId: string,
  options: { fallbackUserId?: string | null; fallback?: Stripe.Subscription } = {},
): Promise<void> {
  let subscription: Stripe.Subscription;
  try {
    subscription = await stripe.subscriptions.retrieve(subscriptionId);
  } catch (error) {
    // A deleted subscription Stripe no longer serves: its final state is the event's copy.
    const code = (error as { code?: unknown }).code;
    if (options.fallback && code === 'resource_missing') subscription = options.fallback;
    else throw error;
  }
  const result = await upsertSubscription(tx, subscription, { fallbackUserId: options.fallbackUserId });
  if (!result) {
    warn(event, 'stripe webhook for an unknown customer', { subscriptionId, customer: subscription.customer });
  }
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
