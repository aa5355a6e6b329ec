import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { QUEST_DIFFICULTIES, type QuestDifficulty } from '@/lib/quests/schemas';
import { computeStreak } from '@/lib/streaks/compute-streak';
import { loadStreakInputs } from '@/lib/streaks/queries';

/** Everything achievement criteria are judged on. */
export interface LearnerStats {
  completedQuests: number;
  totalXp: number;
  /** Completed quests per quest category. */
  byCategory: Record<string, number>;
  byDifficulty: Record<QuestDifficulty, number>;
  /** Completed quests with a score of 100. */
  perfectScores: number;
  /** All time spent in quests (finished or not), in whole minutes. */
  timeSpentMinutes: number;
  currentStreak: number;
  longestStreak: number;
}

type Numeric = number | string | bigint;

/**
 * A learner's stats in three queries whatever their history: totals, completions per
 * category × difficulty, and the streak inputs. Runs in the caller's transaction — the
 * achievements engine's service job, or as the learner when listing their own progress
 * (then RLS applies: a completed quest that was since unpublished drops out of the per-category
 * counts but still counts as completed).
 */
export async function learnerStats(tx: Tx, userId: string): Promise<LearnerStats> {
  // Three independent reads, sent together on the transaction's connection (one round trip).
  const [[totals], groups, { today, days }] = await Promise.all([
    queryRows<{ completed: Numeric; perfect: Numeric; seconds: Numeric; xp: Numeric }>(
      tx,
      sql`
        select count(*) filter (where up.status = 'completed') as completed,
               count(*) filter (where up.status = 'completed' and up.score = 100) as perfect,
               coalesce(sum(up.time_spent_seconds), 0)::bigint as seconds,
               (select coalesce(sum(l.amount), 0)::bigint from public.xp_ledger l where l.user_id = ${userId}) as xp
        from public.user_progress up
        where up.user_id = ${userId}`,
    ),
    queryRows<{ category: string; difficulty: string; completed: Numeric }>(
      tx,
      sql`
        select q.category, q.difficulty, count(*) as completed
        from public.user_progress up
        join public.quests q on q.id = up.quest_id
        where up.user_id = ${userId} and up.status = 'completed'
        group by q.category, q.difficulty`,
    ),
    loadStreakInputs(tx, userId),
  ]);

  const byCategory: Record<string, number> = {};
  const byDifficulty = Object.fromEntries(QUEST_DIFFICULTIES.map((d) => [d, 0])) as Record<QuestDifficulty, number>;
  for (const group of groups) {
    const n = Number(group.completed);
    byCategory[group.category] = (byCategory[group.category] ?? 0) + n;
    if (group.difficulty in byDifficulty) byDifficulty[group.difficulty as QuestDifficulty] += n;
  }
  const streak = computeStreak(days, today);
  return {
    completedQuests: Number(totals?.completed ?? 0),
    totalXp: Number(totals?.xp ?? 0),
    byCategory,
    byDifficulty,
    perfectScores: Number(totals?.perfect ?? 0),
    timeSpentMinutes: Math.floor(Number(totals?.seconds ?? 0) / 60),
    currentStreak: streak.current,
    longestStreak: streak.longest,
  };
}
