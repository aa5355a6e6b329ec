import 'server-only';
import type Stripe from 'stripe';
import { idOf, refreshSubscription, warn } from './refresh-subscription';
import type { EventHandler } from './types';

/** Checkout finished: the subscription it created is fetched and recorded for client_reference_id. */
export const checkoutSessionCompleted: EventHandler = async (context) => {
  const session = context.event.data.object as Stripe.Checkout.Session;
  const subscriptionId = idOf(session.subscription);
  if (session.mode !== 'subscription' || !subscriptionId) {
    warn(context.event, 'checkout session without a subscription', { session: session.id });
    return;
  }
  await refreshSubscription(context, subscriptionId, { fallbackUserId: session.client_reference_id });
};
