import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import type { AchievementCriteria } from '@/lib/achievements/criteria';
import { DAYS_PER_FREEZE, MAX_FREEZES } from '@/lib/streaks/compute-streak';

type Numeric = number | string | bigint;

/** Learners with at least `count` completed quests matching `filter` (quests aliased q). */
const completedAtLeast = (count: number, filter?: SQL): SQL =>
  filter
    ? sql`select up.user_id from public.user_progress up join public.quests q on q.id = up.quest_id
          where up.status = 'completed' and ${filter}
          group by up.user_id having count(*) >= ${count}`
    : sql`select up.user_id from public.user_progress up
          where up.status = 'completed'
          group by up.user_id having count(*) >= ${count}`;

/**
 * One query, as a `select user_id`, for every learner who meets `criteria` now: the bulk twin of
 * learnerStats() + criterionProgress(), which judge one learner (tests hold the two equal for
 * every type). Each branch reads the same rows the per-learner stats read, with the same rule:
 * completions from user_progress (by category and difficulty through the quest), XP from the
 * ledger, time from all progress rows, streaks from learning days.
 */
export function qualifyingLearners(criteria: AchievementCriteria): SQL {
  switch (criteria.type) {
    case 'first_quest':
      return completedAtLeast(1);
    case 'quests_completed':
      return completedAtLeast(criteria.count);
    case 'category_completed':
      return completedAtLeast(criteria.count, sql`q.category = ${criteria.category}`);
    case 'difficulty_completed':
      return completedAtLeast(criteria.count, sql`q.difficulty = ${criteria.difficulty}`);
    case 'perfect_scores':
      return completedAtLeast(criteria.count, sql`up.score = 100`);
    case 'xp_total':
      return sql`select l.user_id from public.xp_ledger l group by l.user_id having sum(l.amount) >= ${criteria.amount}`;
    case 'time_spent':
      // floor(seconds / 60) >= minutes, without the division.
      return sql`select up.user_id from public.user_progress up
                 group by up.user_id having sum(up.time_spent_seconds) >= ${criteria.minutes * 60}`;
    case 'streak_days':
      // A streak of n days needs n learning days: only those learners are walked.
      return sql`select d.user_id from public.learning_days d
                 where d.user_id in (
                   select c.user_id from public.learning_days c group by c.user_id having count(*) >= ${criteria.days})
                 group by d.user_id
                 having private.longest_streak(d.day, cast(${DAYS_PER_FREEZE} as integer), cast(${MAX_FREEZES} as integer) order by d.day) >= ${criteria.days}`;
    default: {
      const unhandled: never = criteria;
      throw new Error(`Unknown achievement criterion ${JSON.stringify(unhandled)}`);
    }
  }
}

export interface QualifyingCount {
  /** Learners who meet the criteria now. */
  qualifying: number;
  /** Of those, how many already hold `achievementId` (0 without one). */
  alreadyHeld: number;
}

/** How many learners meet `criteria`, and how many of them already hold the achievement. */
export async function countQualifying(tx: Tx, criteria: AchievementCriteria, achievementId?: string): Promise<QualifyingCount> {
  const held = achievementId
    ? sql`count(*) filter (where exists (
        select 1 from public.user_achievements ua where ua.user_id = qualifying.user_id and ua.achievement_id = ${achievementId}))`
    : sql`0`;
  const [row] = await queryRows<{ qualifying: Numeric; already_held: Numeric }>(
    tx,
    sql`select count(*) as qualifying, ${held} as already_held from (${qualifyingLearners(criteria)}) as qualifying`,
  );
  return { qualifying: Number(row?.qualifying ?? 0), alreadyHeld: Number(row?.already_held ?? 0) };
}
