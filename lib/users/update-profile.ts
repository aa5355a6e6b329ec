import 'server-only';
import { eq } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import type { Session, SessionUser } from '@/lib/auth/types';
import type { UpdateProfileBody } from '@/lib/auth/schemas';

/**
 * Updates the signed-in user's own editable profile fields, as that user: RLS limits the write to
 * their row and the profile guard trigger to the columns a learner may change. Only the fields sent
 * are written.
 */
export async function updateOwnProfile(session: Session, changes: UpdateProfileBody): Promise<SessionUser> {
  const set: Partial<typeof profiles.$inferInsert> = {};
  if (changes.fullName !== undefined) set.fullName = changes.fullName;
  if (changes.timeZone !== undefined) set.timeZone = changes.timeZone;
  if (changes.leaderboardOptIn !== undefined) set.leaderboardOptIn = changes.leaderboardOptIn;
  if (Object.keys(set).length === 0) return session.user;

  const [row] = await asUser(session.claims, (tx) =>
    tx
      .update(profiles)
      .set(set)
      .where(eq(profiles.id, session.user.id))
      .returning({ fullName: profiles.fullName, timeZone: profiles.timeZone, leaderboardOptIn: profiles.leaderboardOptIn }),
  );
  if (!row) return session.user;
  return { ...session.user, fullName: row.fullName, timeZone: row.timeZone, leaderboardOptIn: row.leaderboardOptIn };
}
