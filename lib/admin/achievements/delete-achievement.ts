import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import type { Session } from '@/lib/auth/types';
import { asUser } from '@/lib/db';
import { achievements, xpLedger } from '@/lib/db/schema';
import { INSUFFICIENT_PRIVILEGE, pgErrorCode } from './pg-error';
import { findAdminAchievement } from './queries';
import { auditSnapshot } from './write-achievement';

const heldMessage = (holders: number) =>
  `${holders.toLocaleString('en-US')} learner${holders === 1 ? ' has' : 's have'} unlocked this achievement. ` +
  'Earned achievements stay on learners’ walls and in their XP history, so it cannot be deleted; edit it instead.';

/**
 * Deletes an achievement nobody has earned, as the admin (RLS: delete:quests), with its audit
 * entry. Once anyone holds it (or was granted XP for it) deleting is refused with 409: it would
 * take it off their walls and orphan their XP history (the ledger is append-only, and the
 * database refuses to rewrite it). Renaming it or changing its criteria is the way to retire it.
 */
export async function deleteAchievement(session: Session, id: string, requestId: string | null): Promise<void> {
  try {
    await asUser(session.claims, async (tx) => {
      const before = await findAdminAchievement(tx, id);
      if (!before) throw new ApiError('NOT_FOUND', 'No such achievement');
      const [granted] = await tx
        .select({ n: count() })
        .from(xpLedger)
        .where(and(eq(xpLedger.achievementId, id), eq(xpLedger.reason, 'achievement_unlocked')));
      if (before.unlockCount > 0 || (granted?.n ?? 0) > 0) {
        throw new ApiError('CONFLICT', heldMessage(Math.max(before.unlockCount, granted?.n ?? 0)));
      }
      const deleted = await tx.delete(achievements).where(eq(achievements.id, id)).returning({ id: achievements.id });
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', 'No such achievement');
      await recordAdminAction(tx, session, {
        action: 'achievement.delete',
        targetType: 'achievement',
        targetId: id,
        targetLabel: before.name,
        before: { ...auditSnapshot(before), unlockCount: before.unlockCount },
        requestId,
      });
    });
  } catch (error) {
    // A learner unlocked it between the check and the delete: the ledger's append-only guard
    // stopped the delete, and the whole transaction rolled back. Same answer as above.
    if (pgErrorCode(error) === INSUFFICIENT_PRIVILEGE && /append-only/.test(String((error as Error).cause ?? error))) {
      throw new ApiError('CONFLICT', heldMessage(1));
    }
    throw error;
  }
}
