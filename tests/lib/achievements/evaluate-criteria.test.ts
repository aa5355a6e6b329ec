import { achievementCriteriaSchema, type AchievementCriteria } from '@/lib/achievements/criteria';
import { criterionProgress } from '@/lib/achievements/evaluate-criteria';
import type { LearnerStats } from '@/lib/achievements/learner-stats';
import { achievements as seedAchievements } from '@/supabase/seed/achievements';

const stats = (overrides: Partial<LearnerStats> = {}): LearnerStats => ({
  completedQuests: 0,
  totalXp: 0,
  byCategory: {},
  byDifficulty: { beginner: 0, intermediate: 0, advanced: 0 },
  perfectScores: 0,
  timeSpentMinutes: 0,
  currentStreak: 0,
  longestStreak: 0,
  ...overrides,
});

type Case = [criteria: AchievementCriteria, notMet: Partial<LearnerStats>, notMetCurrent: number, met: Partial<LearnerStats>, target: number];

/** One row per criteria type: stats just short of the target, and stats that meet it. */
const cases: Record<AchievementCriteria['type'], Case> = {
  first_quest: [{ type: 'first_quest' }, { completedQuests: 0 }, 0, { completedQuests: 1 }, 1],
  quests_completed: [{ type: 'quests_completed', count: 3 }, { completedQuests: 2 }, 2, { completedQuests: 3 }, 3],
  xp_total: [{ type: 'xp_total', amount: 1000 }, { totalXp: 999 }, 999, { totalXp: 1000 }, 1000],
  category_completed: [
    { type: 'category_completed', category: 'Security', count: 2 },
    { byCategory: { Security: 1, Python: 5 } },
    1,
    { byCategory: { Security: 2 } },
    2,
  ],
  difficulty_completed: [
    { type: 'difficulty_completed', difficulty: 'advanced', count: 2 },
    { byDifficulty: { beginner: 9, intermediate: 9, advanced: 1 } },
    1,
    { byDifficulty: { beginner: 0, intermediate: 0, advanced: 2 } },
    2,
  ],
  perfect_scores: [{ type: 'perfect_scores', count: 5 }, { perfectScores: 4 }, 4, { perfectScores: 5 }, 5],
  streak_days: [{ type: 'streak_days', days: 7 }, { currentStreak: 6, longestStreak: 6 }, 6, { currentStreak: 0, longestStreak: 7 }, 7],
  time_spent: [{ type: 'time_spent', minutes: 60 }, { timeSpentMinutes: 59 }, 59, { timeSpentMinutes: 60 }, 60],
};

describe('criterionProgress', () => {
  it.each(Object.entries(cases))('%s: not met just short of the target, met at it', (_type, [criteria, short, current, enough, target]) => {
    expect(criterionProgress(criteria, stats(short))).toEqual({ current, target, met: false });
    expect(criterionProgress(criteria, stats(enough))).toEqual({ current: target, target, met: true });
  });

  it.each(Object.entries(cases))('%s: starts at zero for a new learner', (_type, [criteria, , , , target]) => {
    expect(criterionProgress(criteria, stats())).toEqual({ current: 0, target, met: false });
  });

  it('covers every criteria type the schema defines', () => {
    const types = achievementCriteriaSchema.options.map((o) => o.shape.type.value);
    expect(Object.keys(cases).sort()).toEqual([...types].sort());
  });

  it('caps progress at the target once beyond it', () => {
    expect(criterionProgress({ type: 'xp_total', amount: 1000 }, stats({ totalXp: 4321 }))).toEqual({ current: 1000, target: 1000, met: true });
    expect(criterionProgress({ type: 'first_quest' }, stats({ completedQuests: 12 }))).toEqual({ current: 1, target: 1, met: true });
  });

  it('counts a past streak, not only the current one', () => {
    expect(criterionProgress({ type: 'streak_days', days: 3 }, stats({ currentStreak: 1, longestStreak: 4 })).met).toBe(true);
    expect(criterionProgress({ type: 'streak_days', days: 3 }, stats({ currentStreak: 2, longestStreak: 2 })).met).toBe(false);
  });

  it('treats a category with no completions as zero, matching names exactly', () => {
    const criteria: AchievementCriteria = { type: 'category_completed', category: 'Data & SQL', count: 2 };
    expect(criterionProgress(criteria, stats({ byCategory: { 'data & sql': 5 } }))).toEqual({ current: 0, target: 2, met: false });
  });

  it('evaluates every seeded achievement without throwing', () => {
    for (const { criteria } of seedAchievements) {
      const parsed = achievementCriteriaSchema.parse(criteria);
      expect(criterionProgress(parsed, stats()).met).toBe(false);
    }
  });
});
