import 'server-only';
import type Stripe from 'stripe';
import { idOf, refreshSubscription, warn } from './refresh-subscription';
import type { WebhookContext } from './types';

/** The subscription an invoice bills (API 2025+: parent.subscription_details; before: subscription). */
export function subscriptionIdOfInvoice(invoice: Stripe.Invoice): string | null {
  const fromParent = idOf(invoice.parent?.subscription_details?.subscription);
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  return fromParent ?? idOf(legacy);
}

/** Re-reads the invoice, then its subscription, and upserts it (status, past_due_since, tier). */
export async function refreshInvoiceSubscription(context: WebhookContext): Promise<void> {
  const embedded = context.event.data.object as Stripe.Invoice;
  if (!embedded.id) return;
  const invoice = await context.stripe.invoices.retrieve(embedded.id);
  const subscriptionId = subscriptionIdOfInvoice(invoice);
  if (!subscriptionId) {
    warn(context.event, 'invoice without a subscription', { invoice: invoice.id });
    return;
  }
  await refreshSubscription(context, subscriptionId);
}
