import 'server-only';
import { eq } from 'drizzle-orm';
import type { Session } from '@/lib/auth/types';
import { asService, type Tx } from '@/lib/db';
import { billingCustomers } from '@/lib/db/schema';
import { stripeClient } from './stripe-client';

async function customerIdOf(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: billingCustomers.stripeCustomerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.userId, userId));
  return row?.id ?? null;
}

/** The user's Stripe customer id, if one was created already. */
export function findStripeCustomer(userId: string): Promise<string | null> {
  return asService('billing-customer', (tx) => customerIdOf(tx, userId));
}

/**
 * The user's Stripe customer, created once and reused. Two racing requests may both create a
 * customer in Stripe; the insert keeps the first mapping and both answer with it (the other
 * Stripe customer stays empty and unused).
 */
export async function ensureStripeCustomer(session: Session): Promise<string> {
  const { user } = session;
  const existing = await findStripeCustomer(user.id);
  if (existing) return existing;

  const customer = await stripeClient().customers.create({
    email: user.email,
    ...(user.fullName ? { name: user.fullName } : {}),
    metadata: { user_id: user.id },
  });

  return asService('billing-customer', async (tx) => {
    await tx.insert(billingCustomers).values({ userId: user.id, stripeCustomerId: customer.id }).onConflictDoNothing();
    const id = await customerIdOf(tx, user.id);
    if (!id) throw new Error(`billing_customers row for ${user.id} is missing after insert`);
    return id;
  });
}
