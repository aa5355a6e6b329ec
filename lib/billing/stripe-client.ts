import 'server-only';
import Stripe from 'stripe';
import { ApiError } from '@/lib/api/errors';
import { env } from '@/lib/env';

/** Billing is on when a Stripe secret key is configured. */
export function billingConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

export function billingNotConfigured(): ApiError {
  return new ApiError('BILLING_NOT_CONFIGURED', 'Billing is not configured on this server (STRIPE_SECRET_KEY is not set)');
}

const holder = globalThis as typeof globalThis & { __workfreeStripe?: { key: string; client: Stripe } };

/**
 * The Stripe client, or 503 BILLING_NOT_CONFIGURED. STRIPE_API_BASE (local http only) points the
 * real client at the test suite's HTTP double.
 */
export function stripeClient(): Stripe {
  const config = env();
  if (!config.STRIPE_SECRET_KEY) throw billingNotConfigured();
  const key = `${config.STRIPE_SECRET_KEY}|${config.STRIPE_API_BASE ?? ''}`;
  if (holder.__workfreeStripe?.key === key) return holder.__workfreeStripe.client;
  const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : null;
  const client = new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: base ? 0 : 2,
    telemetry: false,
    ...(base ? { host: base.hostname, port: Number(base.port || 80), protocol: 'http' as const } : {}),
  });
  holder.__workfreeStripe = { key, client };
  return client;
}
