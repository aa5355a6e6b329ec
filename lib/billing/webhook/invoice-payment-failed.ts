import 'server-only';
import { refreshInvoiceSubscription } from './invoice-subscription';
import type { EventHandler } from './types';

/** A failed payment: once Stripe marks the subscription past_due, the grace period starts. */
export const invoicePaymentFailed: EventHandler = (context) => refreshInvoiceSubscription(context);
