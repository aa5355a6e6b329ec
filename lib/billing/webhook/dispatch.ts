import 'server-only';
import type Stripe from 'stripe';
import { asService } from '@/lib/db';
import { stripeEvents } from '@/lib/db/schema';
import { checkoutSessionCompleted } from './checkout-session-completed';
import { customerSubscriptionCreated } from './customer-subscription-created';
import { customerSubscriptionDeleted } from './customer-subscription-deleted';
import { customerSubscriptionUpdated } from './customer-subscription-updated';
import { invoicePaid } from './invoice-paid';
import { invoicePaymentFailed } from './invoice-payment-failed';
import type { EventHandler } from './types';

/** The event types we act on, one handler each; every other type is acknowledged and ignored. */
export const HANDLERS: Partial<Record<Stripe.Event['type'], EventHandler>> = {
  'checkout.session.completed': checkoutSessionCompleted,
  'customer.subscription.created': customerSubscriptionCreated,
  'customer.subscription.updated': customerSubscriptionUpdated,
  'customer.subscription.deleted': customerSubscriptionDeleted,
  'invoice.paid': invoicePaid,
  'invoice.payment_failed': invoicePaymentFailed,
};

export type DispatchOutcome = 'ignored' | 'duplicate' | 'handled';

/**
 * Applies a verified event once: the event id is recorded and the handler runs in the same
 * transaction, so a replay finds the record and does nothing, and a failing handler rolls the
 * record back (Stripe retries the delivery).
 */
export async function dispatchStripeEvent(stripe: Stripe, event: Stripe.Event): Promise<DispatchOutcome> {
  const handler = HANDLERS[event.type];
  if (!handler) return 'ignored';
  return asService('stripe-webhook', async (tx) => {
    const recorded = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000) })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (recorded.length === 0) return 'duplicate';
    await handler({ tx, stripe, event });
    return 'handled';
  });
}
