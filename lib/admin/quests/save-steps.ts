import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ApiError, type FieldErrors } from '@/lib/api/errors';
import type { Tx } from '@/lib/db';
import { questSteps, stepAnswers, userProgress } from '@/lib/db/schema';
import { checklistChoices, quizAllowsMultiple } from '@/lib/quests/schemas';
import type { EditorStep } from './schemas';

export interface StepChanges {
  added: string[];
  updated: string[];
  /** Removed steps kept (hidden) because learners answered them or have progress in the quest. */
  archived: string[];
  /** Removed steps nobody could have seen in a quest without learners. */
  deleted: string[];
}

/** Active steps are parked above this while they are renumbered, clear of 0..n-1. */
const PARKING = 1_000_000;

function stepValues(step: EditorStep) {
  return {
    kind: step.kind,
    title: step.title,
    body: step.body,
    choices: step.kind === 'quiz' ? step.choices : step.kind === 'task' ? checklistChoices(step.checklist) : null,
    allowMultiple: step.kind === 'quiz' && quizAllowsMultiple(step),
  };
}

/**
 * Makes a quest's active steps exactly `steps`, in order, keeping ids stable: a step with an id is
 * updated in place, one without is inserted, and an active step left out is removed — deleted when
 * no learner can have met it (no answers to it, nobody has progress in the quest), otherwise
 * archived with a negative position so its answers stay valid and learners never see it again.
 * Runs as the editor (RLS); the caller reconciles learners' progress afterwards.
 */
export async function saveSteps(tx: Tx, questId: string, steps: EditorStep[]): Promise<StepChanges> {
  const existing = await tx
    .select({ id: questSteps.id, position: questSteps.position, kind: questSteps.kind, archivedAt: questSteps.archivedAt })
    .from(questSteps)
    .where(eq(questSteps.questId, questId));
  const active = new Map(existing.filter((s) => !s.archivedAt).map((s) => [s.id, s]));
  const answered = new Set(
    active.size
      ? (
          await tx
            .selectDistinct({ stepId: stepAnswers.stepId })
            .from(stepAnswers)
            .where(inArray(stepAnswers.stepId, [...active.keys()]))
        ).map((r) => r.stepId)
      : [],
  );

  const problems: FieldErrors = {};
  steps.forEach((step, index) => {
    const current = step.id ? active.get(step.id) : undefined;
    if (step.id && !current) problems[`steps.${index}.id`] = ['This step is not part of this quest'];
    // A quiz answer cannot become a task confirmation: a different kind is a different step.
    if (current && current.kind !== step.kind && answered.has(current.id)) {
      problems[`steps.${index}.kind`] = ['Learners have answered this step: add a new step instead of changing its kind'];
    }
  });
  if (Object.keys(problems).length) {
    throw new ApiError('VALIDATION_ERROR', `Invalid steps: check ${Object.keys(problems).join(', ')}`, problems);
  }

  const kept = new Set(steps.flatMap((s) => (s.id ? [s.id] : [])));
  const removed = [...active.values()].filter((s) => !kept.has(s.id));
  const changes: StepChanges = { added: [], updated: [], archived: [], deleted: [] };
  if (removed.length) {
    const [learner] = await tx.select({ id: userProgress.id }).from(userProgress).where(eq(userProgress.questId, questId)).limit(1);
    let nextArchivedPosition = Math.min(0, ...existing.map((s) => s.position)) - 1;
    for (const step of removed) {
      if (!learner && !answered.has(step.id)) {
        changes.deleted.push(step.id);
        continue;
      }
      await tx
        .update(questSteps)
        .set({ archivedAt: sql`now()`, position: nextArchivedPosition-- })
        .where(eq(questSteps.id, step.id));
      changes.archived.push(step.id);
    }
    if (changes.deleted.length) await tx.delete(questSteps).where(inArray(questSteps.id, changes.deleted));
  }

  // (quest_id, position) is unique and checked row by row: park every active step first, so
  // moving step A into step B's old place never collides with B.
  if (kept.size) {
    await tx
      .update(questSteps)
      .set({ position: sql`${questSteps.position} + ${PARKING}` })
      .where(and(eq(questSteps.questId, questId), isNull(questSteps.archivedAt)));
  }

  for (const [position, step] of steps.entries()) {
    const values = { ...stepValues(step), position };
    let id: string;
    if (step.id) {
      await tx.update(questSteps).set(values).where(eq(questSteps.id, step.id));
      id = step.id;
      changes.updated.push(id);
    } else {
      const [row] = await tx.insert(questSteps).values({ ...values, questId }).returning({ id: questSteps.id });
      id = row!.id;
      changes.added.push(id);
    }
    // Answer keys live where only the grader and editors reach them. Changing a key never
    // touches answers already graded: step_answers keep their verdict.
    if (step.kind === 'quiz') {
      await tx.execute(
        sql`select private.put_answer_key(${id}::uuid, ${JSON.stringify(step.answer.correct)}::jsonb, ${step.answer.explanation})`,
      );
    } else if (step.id && active.get(step.id)?.kind === 'quiz') {
      await tx.execute(sql`select private.put_answer_key(${id}::uuid, null, null)`);
    }
  }
  return changes;
}
