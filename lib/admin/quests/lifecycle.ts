import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asUser, type Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { quests, userProgress } from '@/lib/db/schema';
import { recordAdminAction, type AuditAction } from '@/lib/audit/record-admin-action';
import { assertNoBlockers, dependentQuests, publishBlockers } from './checks';
import { auditSnapshot, loadEditorView } from './editor-view';
import { lockQuest, type AdminRequest } from './save-quest';
import { revalidatePublishedCatalog } from '@/lib/quests/catalog-cache';
import type { QuestEditorView, QuestStatus } from './types';

/**
 * A status change: locks the quest, checks the move, applies `set`, records the audit entry — one
 * transaction as the caller. Asking for the state the quest is already in changes nothing and
 * records nothing.
 */
async function changeStatus(
  session: Session,
  id: string,
  request: AdminRequest,
  move: {
    action: AuditAction;
    to: QuestStatus;
    check?: (tx: Tx, quest: QuestEditorView) => Promise<void>;
    set: Partial<typeof quests.$inferInsert>;
  },
): Promise<QuestEditorView> {
  const result = await asUser(session.claims, async (tx) => {
    const before = await lockQuest(tx, id);
    if (before.status === move.to) return { view: before, changed: false };
    await move.check?.(tx, before);
    await tx.update(quests).set(move.set).where(eq(quests.id, id));
    const after = (await loadEditorView(tx, id))!;
    await recordAdminAction(tx, session, {
      action: move.action,
      targetType: 'quest',
      targetId: id,
      targetLabel: after.title,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      requestId: request.requestId,
    });
    return { view: after, changed: true };
  });
  // After the commit: a reader refilling the cache now sees the change.
  if (result.changed) revalidatePublishedCatalog();
  return result.view;
}

/** Withdrawing a quest others require would lock those quests for every learner who has not done it. */
async function assertNotRequiredByLiveQuests(tx: Tx, quest: QuestEditorView): Promise<void> {
  const dependents = await dependentQuests(tx, quest.id, true);
  if (dependents.length) {
    throw new ApiError(
      'CONFLICT',
      `Published quests require this one (${dependents.join(', ')}): remove it from their prerequisites or unpublish them first`,
    );
  }
}

export function publishQuest(session: Session, id: string, request: AdminRequest = {}): Promise<QuestEditorView> {
  return changeStatus(session, id, request, {
    action: 'quest.publish',
    to: 'published',
    check: async (tx, quest) => {
      if (quest.status === 'archived') {
        throw new ApiError('CONFLICT', 'This quest is archived: restore it to a draft before publishing it');
      }
      const quizzesWithoutKey = quest.steps.flatMap((s, i) => (s.kind === 'quiz' && s.answer.correct.length === 0 ? [i] : []));
      assertNoBlockers(
        await publishBlockers(tx, { stepCount: quest.steps.length, objectives: quest.objectives, prerequisites: quest.prerequisites, quizzesWithoutKey }),
        'This quest cannot be published yet',
      );
    },
    set: { isPublished: true, publishedAt: new Date() },
  });
}

/** Back to a draft: gone from the catalog; learners keep their progress and XP. */
export function unpublishQuest(session: Session, id: string, request: AdminRequest = {}): Promise<QuestEditorView> {
  return changeStatus(session, id, request, {
    action: 'quest.unpublish',
    to: 'draft',
    check: async (tx, quest) => {
      if (quest.status === 'archived') throw new ApiError('CONFLICT', 'This quest is archived: restore it instead');
      await assertNotRequiredByLiveQuests(tx, quest);
    },
    set: { isPublished: false },
  });
}

/** Retired for good but kept, so learners' progress, answers and XP keep their quest. */
export function archiveQuest(session: Session, id: string, request: AdminRequest = {}): Promise<QuestEditorView> {
  return changeStatus(session, id, request, {
    action: 'quest.archive',
    to: 'archived',
    check: assertNotRequiredByLiveQuests,
    set: { isPublished: false, archivedAt: new Date() },
  });
}

export function restoreQuest(session: Session, id: string, request: AdminRequest = {}): Promise<QuestEditorView> {
  return changeStatus(session, id, request, {
    action: 'quest.restore',
    to: 'draft',
    check: async (_tx, quest) => {
      if (quest.status !== 'archived') throw new ApiError('CONFLICT', 'Only archived quests are restored');
    },
    set: { archivedAt: null },
  });
}

/**
 * DELETE /api/admin/quests/:id (delete:quests). Refused while any learner has progress in the
 * quest (deleting would take their answers with it: archive it instead) or another quest lists it
 * as a prerequisite. The "no progress" test is part of the DELETE itself, so a learner starting
 * the quest while this runs is seen by it (their insert's foreign-key lock makes the delete wait).
 */
export async function deleteQuest(session: Session, id: string, request: AdminRequest = {}): Promise<void> {
  await asUser(session.claims, async (tx) => {
    // No row lock here: locking needs update:quests, and deleting only delete:quests.
    const before = await loadEditorView(tx, id, { answerKeys: false });
    if (!before) throw new ApiError('NOT_FOUND', 'No such quest');
    const hasLearners = async () =>
      ((await tx.select({ n: count() }).from(userProgress).where(eq(userProgress.questId, id)))[0]?.n ?? 0) > 0;
    const refuseForLearners = () => new ApiError('CONFLICT', 'Learners have progress in this quest — archive it instead');
    if (await hasLearners()) throw refuseForLearners();
    const dependents = await dependentQuests(tx, id, false);
    if (dependents.length) {
      throw new ApiError('CONFLICT', `Other quests list this one as a prerequisite (${dependents.join(', ')}): remove it there first`);
    }
    const deleted = await tx
      .delete(quests)
      .where(and(eq(quests.id, id), sql`not exists (select 1 from public.user_progress up where up.quest_id = ${id}::uuid)`))
      .returning({ id: quests.id });
    if (deleted.length === 0) {
      if (await hasLearners()) throw refuseForLearners();
      // RLS filters a delete silently: without delete:quests nothing matched.
      throw new ApiError('FORBIDDEN', 'You are not allowed to delete quests');
    }
    await recordAdminAction(tx, session, {
      action: 'quest.delete',
      targetType: 'quest',
      targetId: id,
      targetLabel: before.title,
      before: auditSnapshot(before),
      after: null,
      requestId: request.requestId,
    });
  });
  revalidatePublishedCatalog();
}
