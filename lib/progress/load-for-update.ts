import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { statement, type Tx } from '@/lib/db';
import { hasPremiumAccess } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { questSteps, quests, stepAnswers, userProgress } from '@/lib/db/schema';
import { premiumRequired } from './start-quest';

export interface ProgressState {
  row: typeof userProgress.$inferSelect;
  quest: { id: string; xpReward: number; tier: string; isPublished: boolean };
  steps: { id: string; position: number; kind: 'reading' | 'quiz' | 'task'; choices: { id: string; text: string }[] | null; allowMultiple: boolean }[];
  answers: Map<string, { correct: boolean; answer: string[] }>;
}

/** The row, locked (only it: `for update of`), with its quest. */
const lockedProgress = statement('progress-for-update', (tx) =>
  tx
    .select({
      row: userProgress,
      quest: { id: quests.id, xpReward: quests.xpReward, tier: quests.tier, isPublished: quests.isPublished },
    })
    .from(userProgress)
    .innerJoin(quests, eq(quests.id, userProgress.questId))
    .where(and(eq(userProgress.id, sql.placeholder('progressId')), eq(userProgress.userId, sql.placeholder('userId'))))
    .for('update', { of: userProgress }),
);

/** The steps in play of the row's quest. Archived steps (removed by an editor) do not count. */
const liveStepsOfProgress = statement('progress-steps', (tx) =>
  tx
    .select({
      id: questSteps.id,
      position: questSteps.position,
      kind: questSteps.kind,
      choices: questSteps.choices,
      allowMultiple: questSteps.allowMultiple,
    })
    .from(questSteps)
    .where(
      and(
        eq(questSteps.questId, tx.select({ questId: userProgress.questId }).from(userProgress).where(eq(userProgress.id, sql.placeholder('progressId')))),
        isNull(questSteps.archivedAt),
      ),
    )
    .orderBy(asc(questSteps.position)),
);

const answersOfProgress = statement('progress-answers', (tx) =>
  tx.select().from(stepAnswers).where(eq(stepAnswers.progressId, sql.placeholder('progressId'))),
);

/**
 * Loads a learner's progress with its quest, steps and graded answers, locking the progress row
 * (`for update`) so grading, moving and completing one quest happen one at a time — two racing
 * completions see each other's result. Runs inside a service-role job: ownership is checked here,
 * and someone else's progress answers 404 as if it did not exist.
 *
 * The lock, the steps and the answers go out in one network write. PostgreSQL runs them in order,
 * each statement with its own snapshot, so the reads start once the lock is held and see whatever
 * the previous holder committed; they name the quest through the progress row, so they need
 * nothing back from the lock first. What they read for a row that is not the caller's is dropped.
 */
export async function loadProgressForUpdate(tx: Tx, session: Session, progressId: string): Promise<ProgressState>;
/**
 * With `alongside`: one more read sent in the same write, after the others (the grader's answer
 * key), kept only when the row is the caller's and in play.
 */
export async function loadProgressForUpdate<X>(
  tx: Tx,
  session: Session,
  progressId: string,
  alongside: () => Promise<X>,
): Promise<ProgressState & { alongside: X }>;
export async function loadProgressForUpdate<X>(
  tx: Tx,
  session: Session,
  progressId: string,
  alongside?: () => Promise<X>,
): Promise<ProgressState & { alongside?: X }> {
  // Started in this order, so sent in this order: the lock first, then the reads.
  const locking = lockedProgress(tx, { progressId, userId: session.user.id });
  const [[found], steps, answers, extra] = await Promise.all([
    locking,
    liveStepsOfProgress(tx, { progressId }),
    answersOfProgress(tx, { progressId }),
    alongside?.(),
  ]);
  if (!found) throw new ApiError('NOT_FOUND', 'No such progress for this account');
  const { row, quest } = found;
  // An unpublished or archived quest is out of play: progress and XP earned stay, but nothing more
  // can be answered or completed until an editor publishes it again.
  if (!quest.isPublished) throw new ApiError('QUEST_UNAVAILABLE', 'This quest is no longer available');
  // When premium ends, progress is kept but the quest closes until it comes back.
  if (quest.tier === 'premium' && !hasPremiumAccess(session.user)) throw premiumRequired();
  return {
    row,
    quest,
    steps: steps as ProgressState['steps'],
    answers: new Map(answers.map((a) => [a.stepId, { correct: a.correct, answer: a.answer }])),
    alongside: extra,
  };
}

/** A quiz or task counts once answered; a reading once the learner has moved past it. */
export function stepsDone(state: ProgressState, currentStep: number): number {
  return state.steps.filter((s) => (s.kind === 'reading' ? s.position < currentStep : state.answers.has(s.id))).length;
}

export function percentageDone(state: ProgressState, currentStep: number): number {
  return state.steps.length ? Math.round((stepsDone(state, currentStep) / state.steps.length) * 100) : 100;
}

/** The score is the share of quiz steps answered right the first time; no quizzes means 100. */
export function scoreOf(state: ProgressState): number {
  const quizzes = state.steps.filter((s) => s.kind === 'quiz');
  if (!quizzes.length) return 100;
  const right = quizzes.filter((s) => state.answers.get(s.id)?.correct).length;
  return Math.round((right / quizzes.length) * 100);
}
