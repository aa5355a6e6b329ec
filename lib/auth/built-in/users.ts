import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { AppRole } from '@/lib/db/claims';
import { profiles } from '@/lib/db/schema';

export interface AuthUserRecord {
  id: string;
  email: string;
  encryptedPassword: string | null;
  fullName: string | null;
  role: AppRole;
  tier: 'free' | 'premium';
  suspended: boolean;
}

/** auth.users joined with the profile: what sign-in needs. Service-role jobs only. */
export async function findAuthUser(tx: Tx, by: { email: string } | { id: string }): Promise<AuthUserRecord | null> {
  const where = 'email' in by ? sql`u.email = ${by.email.toLowerCase()}` : sql`u.id = ${by.id}`;
  const [row] = await queryRows<{
    id: string;
    email: string;
    encrypted_password: string | null;
    full_name: string | null;
    role: AppRole;
    tier: 'free' | 'premium';
    suspended: boolean;
  }>(
    tx,
    sql`select u.id, u.email, u.encrypted_password, p.full_name, p.role, p.subscription_tier as tier,
               p.suspended_at is not null as suspended
        from auth.users u join public.profiles p on p.id = u.id
        where ${where} and u.deleted_at is null
        limit 1`,
  );
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    encryptedPassword: row.encrypted_password,
    fullName: row.full_name,
    role: row.role,
    tier: row.tier,
    suspended: row.suspended,
  };
}

export async function setPasswordHash(tx: Tx, userId: string, hash: string): Promise<void> {
  await tx.execute(sql`update auth.users set encrypted_password = ${hash}, updated_at = now() where id = ${userId}`);
}

export async function confirmEmail(tx: Tx, userId: string): Promise<void> {
  await tx.execute(
    sql`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = ${userId}`,
  );
}

export async function recordSignIn(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`update auth.users set last_sign_in_at = now() where id = ${userId}`);
  await tx.update(profiles).set({ lastLoginAt: new Date() }).where(eq(profiles.id, userId));
}

/** Deletes the account; profile, progress, achievements and subscriptions go with it (cascade). */
export async function deleteAuthUser(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`delete from auth.users where id = ${userId}`);
}
