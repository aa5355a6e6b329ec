import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asService, type Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { questStepAnswers, questSteps, stepAnswers, userProgress } from '@/lib/db/schema';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { recordEventIn } from '@/lib/analytics/record-event';
import { evaluateAchievements, type UnlockedAchievement } from '@/lib/achievements/engine';
import { oncePerClientEvent } from './client-events';
import { loadProgressForUpdate, percentageDone, type ProgressState } from './load-for-update';
import { progressView, type ProgressView } from './progress-view';

export interface GradeResult {
  correct: boolean;
  /** The answer that counts: the one just sent, or the first one when the step was answered before. */
  answer: string[];
  explanation: string | null;
  progress: ProgressView;
  /** A first activity today can extend a streak and unlock a streak achievement. */
  achievementsUnlocked: UnlockedAchievement[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Grades a quiz answer or confirms a task, on the server: the answer key never leaves the
 * database before the learner has answered. The first answer is final (a repeat returns it), so
 * retrying cannot raise the score. Runs as the named job 'grade-step' — the only reader of keys.
 */
export async function gradeStep(
  session: Session,
  progressId: string,
  position: number,
  answer: string[],
  clientEventId?: string,
): Promise<GradeResult> {
  return asService('grade-step', async (tx) => {
    // The answer key travels with the steps: one round trip fewer. It stays on the server.
    const state = await loadProgressForUpdate(tx, session, progressId, () => answerKeyOf(tx, progressId, position));
    const event = { userId: session.user.id, clientEventId, kind: 'step_answer' as const, progressId };
    return oncePerClientEvent(tx, event, () => grade(tx, session, state, position, answer, state.alongside));
  });
}

/** The key of the live step at `position` of the progress row's quest, if it has one (quizzes do). */
async function answerKeyOf(tx: Tx, progressId: string, position: number) {
  const [key] = await tx
    .select({ stepId: questStepAnswers.stepId, correctChoiceIds: questStepAnswers.correctChoiceIds, explanation: questStepAnswers.explanation })
    .from(questStepAnswers)
    .innerJoin(questSteps, eq(questSteps.id, questStepAnswers.stepId))
    .innerJoin(userProgress, eq(userProgress.questId, questSteps.questId))
    .where(and(eq(userProgress.id, progressId), eq(questSteps.position, position), isNull(questSteps.archivedAt)));
  return key;
}

type AnswerKey = Awaited<ReturnType<typeof answerKeyOf>>;

async function grade(
  tx: Tx,
  session: Session,
  state: ProgressState,
  position: number,
  answer: string[],
  stepKey: AnswerKey,
): Promise<GradeResult> {
  const progressId = state.row.id;
  const step = state.steps.find((s) => s.position === position);
  if (!step) throw new ApiError('NOT_FOUND', `This quest has no step ${position}`);
  if (step.kind === 'reading') {
    throw new ApiError('VALIDATION_ERROR', 'Reading steps are not graded: move on with PUT /api/progress/:id', {
      position: ['This step has nothing to answer'],
    });
  }
  const key = step.kind === 'quiz' && stepKey?.stepId === step.id ? stepKey : undefined;
  const previous = state.answers.get(step.id);
  if (previous) {
    return {
      correct: previous.correct,
      answer: previous.answer,
      explanation: key?.explanation ?? null,
      progress: progressView(state.row),
      achievementsUnlocked: [],
    };
  }
  if (state.row.status === 'completed') throw new ApiError('CONFLICT', 'This quest is already completed');
  if (position > state.row.currentStep) {
    throw new ApiError('STEP_LOCKED', 'Reach this step before answering it', { position: ['Step not reached yet'] });
  }

  const ids = (step.choices ?? []).map((c) => c.id);
  const unknown = answer.filter((id) => !ids.includes(id));
  if (unknown.length || new Set(answer).size !== answer.length) {
    throw new ApiError('VALIDATION_ERROR', 'The answer names options this step does not have', {
      answer: [`Unknown or repeated option(s): ${unknown.join(', ') || 'duplicates'}`],
    });
  }
  let correct: boolean;
  if (step.kind === 'quiz') {
    if (!step.allowMultiple && answer.length !== 1) {
      throw new ApiError('VALIDATION_ERROR', 'Choose exactly one option', { answer: ['Choose exactly one option'] });
    }
    correct = sameSet(answer, key?.correctChoiceIds ?? []);
  } else {
    if (!sameSet(answer, ids)) {
      throw new ApiError('VALIDATION_ERROR', 'Tick every item of the checklist to complete the task', {
        answer: ['Tick every checklist item'],
      });
    }
    correct = true;
  }

  state.answers.set(step.id, { correct, answer });
  // Independent writes, sent together on the transaction's connection (one round trip): they run
  // in order, and any failure aborts the transaction, so all of them or none commit.
  const [, [updated], , day] = await Promise.all([
    tx.insert(stepAnswers).values({ progressId, userId: session.user.id, stepId: step.id, answer, correct }),
    tx
      .update(userProgress)
      .set({ progressPercentage: percentageDone(state, state.row.currentStep) })
      .where(eq(userProgress.id, progressId))
      .returning(),
    recordEventIn(tx, {
      name: 'step_answered',
      userId: session.user.id,
      questId: state.quest.id,
      stepPosition: position,
      properties: { kind: step.kind, correct },
    }),
    recordLearningDay(tx, session.user.id),
  ]);
  const achievementsUnlocked = day.isNew ? await evaluateAchievements(tx, session.user.id) : [];
  return { correct, answer, explanation: key?.explanation ?? null, progress: progressView(updated!), achievementsUnlocked };
}
