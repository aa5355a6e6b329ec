import type Stripe from 'stripe';
import { ApiError } from '@/lib/api/errors';
import { readBodyCapped } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { billingNotConfigured, stripeClient } from '@/lib/billing/stripe-client';
import { dispatchStripeEvent } from '@/lib/billing/webhook/dispatch';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** Stripe's events are a few kilobytes; its documented maximum payload is well under this. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/**
 * Stripe's webhook endpoint: the raw body is verified against STRIPE_WEBHOOK_SECRET, then the
 * event is applied once (lib/billing/webhook). Ignored types and unknown customers answer 200;
 * only a bad signature is refused (400), and a failure while applying answers 500 so Stripe retries.
 */
export const POST = route(async (request) => {
  const config = env();
  if (!config.STRIPE_WEBHOOK_SECRET || !config.STRIPE_SECRET_KEY) throw billingNotConfigured();
  const stripe = stripeClient();

  const signature = request.headers.get('stripe-signature');
  if (!signature) throw new ApiError('INVALID_SIGNATURE', 'Missing Stripe-Signature header');
  // The signature covers the exact bytes Stripe sent, so they are verified as read, never re-encoded.
  const body = Buffer.from(await readBodyCapped(request, MAX_WEBHOOK_BODY_BYTES));
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, config.STRIPE_WEBHOOK_SECRET);
  } catch {
    throw new ApiError('INVALID_SIGNATURE', 'The Stripe signature does not match this payload');
  }

  const outcome = await dispatchStripeEvent(stripe, event);
  if (outcome === 'ignored') return ok({ ignored: true });
  if (outcome === 'duplicate') return ok({ duplicate: true });
  return ok({ received: true, type: event.type });
});
