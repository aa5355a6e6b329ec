import 'server-only';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { questSteps, quests, userProgress } from '@/lib/db/schema';
import type { QuestDifficulty, QuestTier } from '@/lib/quests/schemas';
import type { EditorStepView, QuestEditorView, QuestStatus } from './types';

/** The one place a quest row's three states are told apart (archived implies not published). */
export function questStatusOf(row: { isPublished: boolean; archivedAt: Date | null }): QuestStatus {
  if (row.archivedAt) return 'archived';
  return row.isPublished ? 'published' : 'draft';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

type StepRow = typeof questSteps.$inferSelect;
type AnswerKey = { correct_choice_ids: string[]; explanation: string };

function stepView(step: StepRow, key: AnswerKey | undefined): EditorStepView {
  const base = { id: step.id, title: step.title, body: step.body };
  if (step.kind === 'quiz') {
    return {
      ...base,
      kind: 'quiz',
      choices: step.choices ?? [],
      allowMultiple: step.allowMultiple,
      answer: { correct: key?.correct_choice_ids ?? [], explanation: key?.explanation ?? '' },
    };
  }
  if (step.kind === 'task') return { ...base, kind: 'task', checklist: (step.choices ?? []).map((c) => c.text) };
  return { ...base, kind: 'reading' };
}

/**
 * A quest as the editor shows it, read in the caller's transaction: active steps in order with
 * their answer keys (through private.editor_answer_keys, which checks the caller is an editor),
 * and how many learners and archived steps it has. Null when there is no such quest.
 * `answerKeys: false` leaves the keys empty, for callers that only delete.
 */
export async function loadEditorView(
  tx: Tx,
  id: string,
  options: { answerKeys?: boolean } = {},
): Promise<QuestEditorView | null> {
  if (!isUuid(id)) return null;
  const [quest] = await tx.select().from(quests).where(eq(quests.id, id));
  if (!quest) return null;
  const [steps, keys, [learners], [archived]] = await Promise.all([
    tx
      .select()
      .from(questSteps)
      .where(and(eq(questSteps.questId, id), isNull(questSteps.archivedAt)))
      .orderBy(asc(questSteps.position)),
    options.answerKeys === false
      ? Promise.resolve([])
      : queryRows<AnswerKey & { step_id: string }>(
          tx,
          sql`select step_id, correct_choice_ids, explanation from private.editor_answer_keys(${id})`,
        ),
    tx.select({ n: count() }).from(userProgress).where(eq(userProgress.questId, id)),
    tx
      .select({ n: count() })
      .from(questSteps)
      .where(and(eq(questSteps.questId, id), isNotNull(questSteps.archivedAt))),
  ]);
  const keyOf = new Map(keys.map((k) => [k.step_id, k]));
  return {
    id: quest.id,
    slug: quest.slug,
    title: quest.title,
    description: quest.description ?? '',
    category: quest.category,
    difficulty: quest.difficulty as QuestDifficulty,
    tier: quest.tier as QuestTier,
    durationMinutes: quest.durationMinutes ?? 1,
    xpReward: quest.xpReward,
    prerequisites: quest.prerequisites,
    objectives: quest.content.objectives ?? [],
    coverImageUrl: quest.coverImageUrl,
    steps: steps.map((s) => stepView(s, keyOf.get(s.id))),
    status: questStatusOf(quest),
    publishedAt: quest.publishedAt?.toISOString() ?? null,
    updatedAt: quest.updatedAt.toISOString(),
    learnerCount: learners?.n ?? 0,
    archivedStepCount: archived?.n ?? 0,
  };
}

/**
 * What the audit log keeps of a quest: its fields and a step outline (ids, kinds, titles), not
 * step bodies or answer keys.
 */
export function auditSnapshot(view: QuestEditorView): Record<string, unknown> {
  const { id: _id, steps, updatedAt: _updatedAt, ...fields } = view;
  return { ...fields, steps: steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title })) };
}
