import 'server-only';
import { refreshInvoiceSubscription } from './invoice-subscription';
import type { EventHandler } from './types';

/** A paid invoice: the subscription is back to active (past_due_since cleared by the upsert). */
export const invoicePaid: EventHandler = (context) => refreshInvoiceSubscription(context);
