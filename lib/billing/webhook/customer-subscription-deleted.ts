import 'server-only';
import type Stripe from 'stripe';
import { refreshSubscription } from './refresh-subscription';
import type { EventHandler } from './types';

/** customer.subscription.deleted: Stripe's current view of the subscription is upserted. */
export const customerSubscriptionDeleted: EventHandler = async (context) => {
  const subscription = context.event.data.object as Stripe.Subscription;
  await refreshSubscription(context, subscription.id, { fallback: subscription });
};
