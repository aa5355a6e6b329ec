import type Stripe from 'stripe';
import type { Tx } from '@/lib/db';

/** What an event handler gets: the transaction that also records the event, and the Stripe client. */
export interface WebhookContext {
  tx: Tx;
  stripe: Stripe;
  event: Stripe.Event;
}

export type EventHandler = (context: WebhookContext) => Promise<void>;
