import 'server-only';
import { eq } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import type { Session } from '@/lib/auth/types';
import { asUser } from '@/lib/db';
import { achievements } from '@/lib/db/schema';
import type { AchievementValues } from '@/lib/achievements/criteria';
import { pgErrorCode, UNIQUE_VIOLATION } from './pg-error';
import { findAdminAchievement } from './queries';
import type { AdminAchievement } from './types';

/** What the audit log keeps of an achievement, before and after a change. */
export const auditSnapshot = (a: Pick<AdminAchievement, 'slug' | 'name' | 'description' | 'iconUrl' | 'criteria' | 'xpReward' | 'rarity'>) => ({
  slug: a.slug,
  name: a.name,
  description: a.description,
  iconUrl: a.iconUrl,
  criteria: a.criteria,
  xpReward: a.xpReward,
  rarity: a.rarity,
});

const columnsOf = (values: AchievementValues) => ({
  slug: values.slug,
  name: values.name,
  description: values.description,
  iconUrl: values.iconUrl,
  criteria: values.criteria,
  xpReward: values.xpReward,
  rarity: values.rarity,
});

/** A taken slug is the admin's to fix, not a server error. */
function slugTaken(error: unknown): never {
  if (pgErrorCode(error) === UNIQUE_VIOLATION) {
    throw new ApiError('CONFLICT', 'Another achievement already uses this slug', { slug: ['Another achievement already uses this slug'] });
  }
  throw error;
}

/** Creates an achievement as the admin (RLS: create:quests), with its audit entry. */
export async function createAchievement(session: Session, values: AchievementValues, requestId: string | null): Promise<AdminAchievement> {
  return asUser(session.claims, async (tx) => {
    const [row] = await tx.insert(achievements).values(columnsOf(values)).returning({ id: achievements.id });
    const created = row && (await findAdminAchievement(tx, row.id));
    // RLS refusing the insert raises; no row back would be a bug, not a user error.
    if (!created) throw new Error('Creating the achievement returned no row');
    await recordAdminAction(tx, session, {
      action: 'achievement.create',
      targetType: 'achievement',
      targetId: created.id,
      targetLabel: created.name,
      after: auditSnapshot(created),
      requestId,
    });
    return created;
  }).catch(slugTaken);
}

/**
 * Replaces an achievement's fields as the admin (RLS: update:quests), with its audit entry.
 * Learners who hold it keep it, and the XP it gave them, whatever the new criteria or reward.
 */
export async function updateAchievement(
  session: Session,
  id: string,
  values: AchievementValues,
  requestId: string | null,
): Promise<AdminAchievement> {
  return asUser(session.claims, async (tx) => {
    // Row-locked, so the "before" in the log is the version this edit replaced.
    const [locked] = await tx.select({ id: achievements.id }).from(achievements).where(eq(achievements.id, id)).for('update');
    const before = locked && (await findAdminAchievement(tx, id));
    if (!before) throw new ApiError('NOT_FOUND', 'No such achievement');
    await tx.update(achievements).set(columnsOf(values)).where(eq(achievements.id, id));
    const after = await findAdminAchievement(tx, id);
    if (!after) throw new Error('Updating the achievement lost the row');
    await recordAdminAction(tx, session, {
      action: 'achievement.update',
      targetType: 'achievement',
      targetId: id,
      targetLabel: after.name,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      requestId,
    });
    return after;
  }).catch(slugTaken);
}
