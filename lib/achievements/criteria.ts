import { z } from 'zod';
import { questDifficultySchema } from '@/lib/quests/schemas';

/**
 * Achievement criteria are data. This is the one place their shapes are defined; the engine
 * (evaluating them) and the admin forms both read this module.
 */
export const achievementCriteriaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('first_quest') }),
  z.object({ type: z.literal('quests_completed'), count: z.number().int().min(1) }),
  z.object({ type: z.literal('xp_total'), amount: z.number().int().min(1) }),
  z.object({ type: z.literal('category_completed'), category: z.string().min(2), count: z.number().int().min(1) }),
  z.object({ type: z.literal('difficulty_completed'), difficulty: questDifficultySchema, count: z.number().int().min(1) }),
  z.object({ type: z.literal('perfect_scores'), count: z.number().int().min(1) }),
  z.object({ type: z.literal('streak_days'), days: z.number().int().min(2) }),
  z.object({ type: z.literal('time_spent'), minutes: z.number().int().min(1) }),
]);
export type AchievementCriteria = z.infer<typeof achievementCriteriaSchema>;

export const ACHIEVEMENT_RARITIES = ['common', 'uncommon', 'rare', 'epic', 'legendary'] as const;
export const achievementRaritySchema = z.enum(ACHIEVEMENT_RARITIES);

export const achievementInputSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().trim().min(3).max(255),
  description: z.string().trim().min(10).max(500),
  iconUrl: z.string().max(500).nullable().default(null),
  criteria: achievementCriteriaSchema,
  xpReward: z.number().int().min(0).max(10_000),
  rarity: achievementRaritySchema,
});
export type AchievementInput = z.input<typeof achievementInputSchema>;

/** The criterion in words, for locked achievements. */
export function describeCriteria(criteria: AchievementCriteria): string {
  switch (criteria.type) {
    case 'first_quest':
      return 'Complete your first quest';
    case 'quests_completed':
      return `Complete ${criteria.count} quests`;
    case 'xp_total':
      return `Earn ${criteria.amount.toLocaleString('en-US')} XP`;
    case 'category_completed':
      return `Complete ${criteria.count} ${criteria.category} quest${criteria.count === 1 ? '' : 's'}`;
    case 'difficulty_completed':
      return `Complete ${criteria.count} ${criteria.difficulty} quest${criteria.count === 1 ? '' : 's'}`;
    case 'perfect_scores':
      return `Score 100% on ${criteria.count} quest${criteria.count === 1 ? '' : 's'}`;
    case 'streak_days':
      return `Keep a ${criteria.days}-day learning streak`;
    case 'time_spent':
      return `Spend ${criteria.minutes} minutes learning`;
  }
}
