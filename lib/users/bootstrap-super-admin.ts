import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { env } from '@/lib/env';

/** Whether `email` is on BOOTSTRAP_SUPER_ADMINS, as an exact address or by its `@domain`. */
export function isBootstrapSuperAdmin(email: string, list: readonly string[] = env().BOOTSTRAP_SUPER_ADMINS): boolean {
  const address = email.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  return list.some((entry) => (entry.startsWith('@') ? entry === domain : entry === address));
}

/**
 * A fresh install has no admin to promote anyone. An account on the bootstrap list becomes
 * super_admin once it has proven its email (never before: anyone can register any address).
 * Service-role job: called right after the email is confirmed.
 */
export async function promoteBootstrapSuperAdmin(tx: Tx, userId: string): Promise<boolean> {
  const [profile] = await tx.select({ email: profiles.email, verified: profiles.emailVerified, role: profiles.role }).from(profiles).where(eq(profiles.id, userId));
  if (!profile || !profile.verified || profile.role === 'super_admin' || !isBootstrapSuperAdmin(profile.email)) return false;
  await tx.update(profiles).set({ role: 'super_admin' }).where(and(eq(profiles.id, userId), eq(profiles.emailVerified, true)));
  return true;
}
