import 'server-only';
import type Stripe from 'stripe';
import { refreshSubscription } from './refresh-subscription';
import type { EventHandler } from './types';

/** customer.subscription.created: Stripe's current view of the subscription is upserted. */
export const customerSubscriptionCreated: EventHandler = async (context) => {
  const subscription = context.event.data.object as Stripe.Subscription;
  await refreshSubscription(context, subscription.id);
};
