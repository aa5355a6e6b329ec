import 'server-only';
import { eq } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import type { Session, SessionUser } from '@/lib/auth/types';

/** Updates the signed-in user's own editable profile fields, as that user. */
export async function updateOwnProfile(session: Session, changes: { fullName: string }): Promise<SessionUser> {
  const [row] = await asUser(session.claims, (tx) =>
    tx
      .update(profiles)
      .set({ fullName: changes.fullName })
      .where(eq(profiles.id, session.user.id))
      .returning({ fullName: profiles.fullName }),
  );
  return { ...session.user, fullName: row?.fullName ?? changes.fullName };
}
