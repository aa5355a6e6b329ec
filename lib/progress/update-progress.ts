import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asService, queryRows, type Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { userProgress, xpLedger } from '@/lib/db/schema';
import { evaluateAchievements, type UnlockedAchievement } from '@/lib/achievements/engine';
import { levelForXp } from '@/lib/progress/levels';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { recordEventIn } from '@/lib/analytics/record-event';
import { oncePerClientEvent } from './client-events';
import { loadProgressForUpdate, percentageDone, scoreOf, type ProgressState } from './load-for-update';
import { progressView, type ProgressView } from './progress-view';
import type { UpdateProgressBody } from './schemas';

export interface UpdateResult {
  progress: ProgressView;
  /** Present when this request completed the quest (0 when it had been completed before). */
  xpEarned?: number;
  achievementsUnlocked?: UnlockedAchievement[];
  level?: { before: number; after: number; totalXp: number };
}

const totalXp = async (tx: Tx, userId: string) =>
  (await queryRows<{ xp: number }>(tx, sql`select coalesce(sum(amount), 0)::int as xp from public.xp_ledger where user_id = ${userId}`))[0]?.xp ?? 0;

/**
 * PUT /api/progress/:id. The server decides what the body may change: the step moves only past
 * answered quizzes and confirmed tasks, the percentage and score are computed from graded answers
 * (a sent score is ignored), time only grows and never beyond the wall time since the start.
 * Moving past the last step completes the quest — in this same transaction, with XP granted once.
 */
export async function updateProgress(session: Session, progressId: string, body: UpdateProgressBody): Promise<UpdateResult> {
  return asService('update-progress', async (tx) => {
    const state = await loadProgressForUpdate(tx, session, progressId);
    const event = { userId: session.user.id, clientEventId: body.clientEventId, kind: 'progress_update' as const, progressId };
    return oncePerClientEvent(tx, event, () => applyUpdate(tx, session, state, body));
  });
}

async function applyUpdate(tx: Tx, session: Session, state: ProgressState, body: UpdateProgressBody): Promise<UpdateResult> {
  const progressId = state.row.id;
  const { row } = state;
  const total = state.steps.length;
  const wallSeconds = Math.max(0, Math.floor((Date.now() - row.startedAt.getTime()) / 1000));
  const timeSpent = Math.max(row.timeSpentSeconds, Math.min(body.timeSpent, wallSeconds));

  if (row.status === 'completed') {
    // Reviewing a finished quest, or a replayed completion: nothing more to earn.
    const [kept] = await tx.update(userProgress).set({ timeSpentSeconds: timeSpent }).where(eq(userProgress.id, progressId)).returning();
    const xp = await totalXp(tx, session.user.id);
    const level = levelForXp(xp).level;
    return { progress: progressView(kept!), xpEarned: 0, achievementsUnlocked: [], level: { before: level, after: level, totalXp: xp } };
  }

  if (body.currentStep > total) {
    throw new ApiError('VALIDATION_ERROR', `currentStep cannot exceed ${total}`, {
      currentStep: [`This quest has ${total} steps (0–${total - 1}; ${total} finishes it)`],
    });
  }
  const blocking = state.steps.find((s) => s.kind !== 'reading' && s.position < body.currentStep && !state.answers.has(s.id));
  if (blocking) {
    throw new ApiError('STEP_NOT_DONE', `Step ${blocking.position + 1} (${blocking.kind}) must be completed first`, {
      currentStep: [`Answer step ${blocking.position + 1} before moving past it`],
    });
  }

  if (body.currentStep < total) {
    const [updated] = await tx
      .update(userProgress)
      .set({ currentStep: body.currentStep, timeSpentSeconds: timeSpent, progressPercentage: percentageDone(state, Math.max(body.currentStep, row.currentStep)) })
      .where(eq(userProgress.id, progressId))
      .returning();
    return { progress: progressView(updated!) };
  }
  return completeQuest(tx, session, state, timeSpent);
}

async function completeQuest(tx: Tx, session: Session, state: ProgressState, timeSpent: number): Promise<UpdateResult> {
  const before = await totalXp(tx, session.user.id);
  const [completed] = await tx
    .update(userProgress)
    .set({
      status: 'completed',
      completedAt: new Date(),
      currentStep: state.steps.length,
      progressPercentage: 100,
      score: scoreOf(state),
      timeSpentSeconds: timeSpent,
    })
    .where(eq(userProgress.id, state.row.id))
    .returning();
  // The partial unique index (user, quest) for 'quest_completed' makes a second grant impossible
  // even if two transactions got this far.
  const granted = await tx
    .insert(xpLedger)
    .values({ userId: session.user.id, questId: state.quest.id, reason: 'quest_completed', amount: state.quest.xpReward })
    .onConflictDoNothing()
    .returning({ amount: xpLedger.amount });
  await recordEventIn(tx, {
    name: 'quest_complete',
    userId: session.user.id,
    questId: state.quest.id,
    properties: { score: completed!.score, timeSpent, xpEarned: granted[0]?.amount ?? 0 },
  });
  await recordLearningDay(tx, session.user.id);
  const achievementsUnlocked = await evaluateAchievements(tx, session.user.id);
  const after = await totalXp(tx, session.user.id);
  return {
    progress: progressView(completed!),
    xpEarned: granted[0]?.amount ?? 0,
    achievementsUnlocked,
    level: { before: levelForXp(before).level, after: levelForXp(after).level, totalXp: after },
  };
}
