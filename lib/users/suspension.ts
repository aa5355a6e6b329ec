import 'server-only';
import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';

/** Whether the account is suspended. A service job: sign-in asks before a session exists. */
export async function isSuspended(userId: string): Promise<boolean> {
  const [row] = await asService('auth-suspension-check', (tx) =>
    tx.select({ suspendedAt: profiles.suspendedAt }).from(profiles).where(eq(profiles.id, userId)),
  );
  return Boolean(row?.suspendedAt);
}
