import 'server-only';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { ApiError } from '@/lib/api/errors';
import { asService } from '@/lib/db';
import { billingCustomers } from '@/lib/db/schema';
import { findStripeCustomer } from './customer';
import { billingConfigured, stripeClient } from './stripe-client';

/**
 * Deletes the user's Stripe customer ahead of deleting their account. Deleting a customer at
 * Stripe cancels its subscriptions at once, so nobody keeps paying for an account that is gone.
 *
 * It runs BEFORE the account is removed, and a Stripe failure refuses the deletion (503): the
 * other order could leave a live subscription that no account maps to any more. If the account
 * deletion then fails, the user keeps an account without a Stripe customer, which only means a
 * fresh customer at their next checkout: the mapping row is removed here for that reason.
 *
 * Without billing configured there is no Stripe to call; the account deletion goes ahead.
 */
export async function deleteStripeCustomer(userId: string): Promise<void> {
  if (!billingConfigured()) return;
  const customerId = await findStripeCustomer(userId);
  if (!customerId) return;

  try {
    await stripeClient().customers.del(customerId);
  } catch (error) {
    // Already deleted at Stripe (a retry, or removed from the dashboard) is the state we want.
    const missing = error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';
    if (!missing) {
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        'Your account was not deleted: the payment provider could not cancel your subscription. Please try again in a few minutes.',
      );
    }
  }

  await asService('billing-delete-customer', (tx) => tx.delete(billingCustomers).where(eq(billingCustomers.userId, userId)));
}
