import 'server-only';
import { revalidatePublishedCatalog } from '@/lib/quests/catalog-cache';
import { eq, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asUser, queryRows, type Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { quests } from '@/lib/db/schema';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import { assertNoBlockers, assertPrerequisites, assertSlugFree, pgErrorOf, publishBlockers, slugTaken } from './checks';
import { auditSnapshot, isUuid, loadEditorView } from './editor-view';
import { saveSteps } from './save-steps';
import type { QuestEditorValues } from './schemas';
import type { QuestEditorView } from './types';

export interface AdminRequest {
  /** The x-request-id of the HTTP request, kept in the audit entry. */
  requestId?: string | null;
}

function questValues(input: QuestEditorValues) {
  return {
    slug: input.slug,
    title: input.title,
    description: input.description,
    category: input.category,
    difficulty: input.difficulty,
    tier: input.tier,
    durationMinutes: input.durationMinutes,
    xpReward: input.xpReward,
    prerequisites: input.prerequisites,
    content: { objectives: input.objectives },
    coverImageUrl: input.coverImageUrl,
  };
}

/** A racing save that got the slug first still ends as a 409 naming the slug, not a 500. */
async function mapSlugRace<T>(slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = pgErrorOf(error);
    if (code === '23505' && constraint === 'quests_slug_key') throw slugTaken(slug);
    throw error;
  }
}

/**
 * POST /api/admin/quests: a new draft with its steps and answer keys, created by the caller under
 * RLS (create:quests), with its audit entry in the same transaction.
 */
export async function createQuest(session: Session, input: QuestEditorValues, request: AdminRequest = {}): Promise<QuestEditorView> {
  return mapSlugRace(input.slug, () =>
    asUser(session.claims, async (tx) => {
      await assertSlugFree(tx, input.slug, null);
      await assertPrerequisites(tx, null, input.prerequisites);
      const [row] = await tx
        .insert(quests)
        .values({ ...questValues(input), isPublished: false, createdBy: session.user.id })
        .returning({ id: quests.id });
      await saveSteps(tx, row!.id, input.steps);
      const created = (await loadEditorView(tx, row!.id))!;
      await recordAdminAction(tx, session, {
        action: 'quest.create',
        targetType: 'quest',
        targetId: created.id,
        targetLabel: created.title,
        before: null,
        after: auditSnapshot(created),
        requestId: request.requestId,
      });
      return created;
    }),
  );
}

/**
 * Locks the quest row for this transaction, so edits of one quest happen one at a time. NO KEY
 * UPDATE, not UPDATE: learners' inserts that reference the quest (answers, XP, events) take
 * key-share locks on it, and must not wait on an editor who may be waiting on them.
 */
export async function lockQuest(tx: Tx, id: string): Promise<QuestEditorView> {
  const locked = isUuid(id)
    ? await queryRows<{ id: string }>(tx, sql`select id from public.quests where id = ${id}::uuid for no key update`)
    : [];
  const view = locked.length ? await loadEditorView(tx, id) : null;
  if (!view) throw new ApiError('NOT_FOUND', 'No such quest');
  return view;
}

/**
 * PUT /api/admin/quests/:id: replaces the quest's fields and steps (see saveSteps for how steps
 * keep their ids), then brings every learner's progress in line with the new steps — all in the
 * caller's one transaction, with the audit entry.
 */
export async function updateQuest(session: Session, id: string, input: QuestEditorValues, request: AdminRequest = {}): Promise<QuestEditorView> {
  const view = await mapSlugRace(input.slug, () =>
    asUser(session.claims, async (tx) => {
      const before = await lockQuest(tx, id);
      // Before any step changes: see the lock order in migration 0015.
      await tx.execute(sql`select private.lock_quest_progress(${id}::uuid)`);
      await assertSlugFree(tx, input.slug, id);
      await assertPrerequisites(tx, id, input.prerequisites);
      if (before.status === 'published') {
        // A live quest stays playable: the same rules as publishing, checked on what was sent.
        assertNoBlockers(
          await publishBlockers(tx, { stepCount: input.steps.length, objectives: input.objectives, prerequisites: input.prerequisites }),
          'A published quest must stay publishable (unpublish it first to save it unfinished)',
        );
      }
      await tx.update(quests).set(questValues(input)).where(eq(quests.id, id));
      const steps = await saveSteps(tx, id, input.steps);
      const [reconciled] = await queryRows<{ n: number }>(tx, sql`select private.reconcile_quest_progress(${id}::uuid) as n`);
      const after = (await loadEditorView(tx, id))!;
      await recordAdminAction(tx, session, {
        action: 'quest.update',
        targetType: 'quest',
        targetId: id,
        targetLabel: after.title,
        before: auditSnapshot(before),
        after: { ...auditSnapshot(after), stepChanges: steps, progressReconciled: reconciled?.n ?? 0 },
        requestId: request.requestId,
      });
      return after;
    }),
  );
  // A published quest's edits show in the catalog (title, steps count…); after the commit.
  revalidatePublishedCatalog();
  return view;
}
