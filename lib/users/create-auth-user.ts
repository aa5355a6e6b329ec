import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { AppRole } from '@/lib/db/claims';
import { profiles } from '@/lib/db/schema';

export interface NewAuthUser {
  email: string;
  fullName?: string;
  /** bcrypt hash; null for accounts that sign in elsewhere (Supabase Auth). */
  encryptedPassword?: string | null;
  emailConfirmed?: boolean;
}

/**
 * Inserts a user into auth.users — the table Supabase Auth owns, mirrored by the shim locally.
 * The on_auth_user_created trigger creates the matching profile. Service-role jobs only.
 */
export async function createAuthUser(tx: Tx, user: NewAuthUser): Promise<string> {
  const [row] = await queryRows<{ id: string }>(tx, sql`
    insert into auth.users (email, encrypted_password, email_confirmed_at, raw_user_meta_data, raw_app_meta_data)
    values (
      ${user.email.toLowerCase()},
      ${user.encryptedPassword ?? null},
      ${user.emailConfirmed ? sql`now()` : null},
      ${JSON.stringify({ full_name: user.fullName ?? null })}::jsonb,
      ${JSON.stringify({ provider: 'email', providers: ['email'] })}::jsonb
    )
    returning id
  `);
  if (!row) throw new Error('Creating the auth user returned no id');
  return row.id;
}

/** Sets a user's app role. Service-role jobs only (the promote CLI, admin jobs that say so). */
export async function setUserRole(tx: Tx, userId: string, role: AppRole): Promise<void> {
  await tx.update(profiles).set({ role }).where(eq(profiles.id, userId));
}

/** Sets a user's subscription tier. Service-role jobs only (billing webhooks, grant-premium CLI). */
export async function setSubscriptionTier(tx: Tx, userId: string, tier: 'free' | 'premium'): Promise<void> {
  await tx.update(profiles).set({ subscriptionTier: tier }).where(eq(profiles.id, userId));
}
