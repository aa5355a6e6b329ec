import 'server-only';
import { eq } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import type { Session } from '@/lib/auth/types';
import { logger } from '@/lib/observability/logger';
import { keyFromMediaUrl, storage } from './index';

/**
 * A learner's avatar: the URL in profiles.avatar_url, changed as the caller under RLS (an owner
 * updates their own profile). The replaced image is removed from storage when it is one of ours
 * under the caller's own avatars/ prefix — never anyone else's object.
 */

export async function readAvatarUrl(session: Session): Promise<string | null> {
  const [row] = await asUser(session.claims, (tx) =>
    tx.select({ avatarUrl: profiles.avatarUrl }).from(profiles).where(eq(profiles.id, session.user.id)),
  );
  return row?.avatarUrl ?? null;
}

/** Sets (or, with null, clears) the caller's avatar; returns the URL it replaced. */
export async function setAvatarUrl(session: Session, avatarUrl: string | null): Promise<string | null> {
  return asUser(session.claims, async (tx) => {
    const [current] = await tx
      .select({ avatarUrl: profiles.avatarUrl })
      .from(profiles)
      .where(eq(profiles.id, session.user.id))
      .for('update');
    if (!current) throw new Error('profile not found for the signed-in user');
    await tx.update(profiles).set({ avatarUrl }).where(eq(profiles.id, session.user.id));
    return current.avatarUrl;
  });
}

/** Removes a replaced avatar's object when it is the caller's own upload; a failure only leaves an orphan. */
export async function discardOldAvatar(session: Session, previousUrl: string | null, keptUrl: string | null): Promise<void> {
  if (!previousUrl || previousUrl === keptUrl) return;
  const key = keyFromMediaUrl(previousUrl);
  if (!key?.startsWith(`avatars/${session.user.id}/`)) return;
  try {
    await storage().delete(key);
  } catch (error) {
    logger().warn({ key, err: error }, 'could not delete a replaced avatar');
  }
}
