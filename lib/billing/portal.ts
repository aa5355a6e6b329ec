import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { Session } from '@/lib/auth/types';
import { findStripeCustomer } from './customer';
import { billingConfigured, billingNotConfigured, stripeClient } from './stripe-client';

/**
 * A Stripe billing portal session (cancel, resume, invoices, payment method) for the user's
 * customer. Someone who never started a checkout has nothing to manage yet: 409.
 */
export async function createPortalSession(session: Session, origin: string): Promise<string> {
  if (!billingConfigured()) throw billingNotConfigured();
  const customer = await findStripeCustomer(session.user.id);
  if (!customer) throw new ApiError('CONFLICT', 'There is no billing account to manage yet: choose a plan on the pricing page first');
  const portal = await stripeClient().billingPortal.sessions.create({ customer, return_url: `${origin}/settings#billing` });
  return portal.url;
}
