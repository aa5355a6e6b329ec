import type { AchievementCriteria } from './criteria';
import type { LearnerStats } from './learner-stats';

export interface CriterionProgress {
  /** How far along the learner is, capped at `target` so progress bars never overflow. */
  current: number;
  target: number;
  met: boolean;
}

const progress = (value: number, target: number): CriterionProgress => ({
  current: Math.max(0, Math.min(value, target)),
  target,
  met: value >= target,
});

/** How far `stats` are toward one criterion. Pure: the engine and the achievements page share it. */
export function criterionProgress(criteria: AchievementCriteria, stats: LearnerStats): CriterionProgress {
  switch (criteria.type) {
    case 'first_quest':
      return progress(stats.completedQuests, 1);
    case 'quests_completed':
      return progress(stats.completedQuests, criteria.count);
    case 'xp_total':
      return progress(stats.totalXp, criteria.amount);
    case 'category_completed':
      return progress(stats.byCategory[criteria.category] ?? 0, criteria.count);
    case 'difficulty_completed':
      return progress(stats.byDifficulty[criteria.difficulty] ?? 0, criteria.count);
    case 'perfect_scores':
      return progress(stats.perfectScores, criteria.count);
    case 'streak_days':
      // The longest streak, not the current one: a streak kept last month still earned it.
      return progress(stats.longestStreak, criteria.days);
    case 'time_spent':
      return progress(stats.timeSpentMinutes, criteria.minutes);
    default: {
      const unhandled: never = criteria;
      throw new Error(`Unknown achievement criterion ${JSON.stringify(unhandled)}`);
    }
  }
}
