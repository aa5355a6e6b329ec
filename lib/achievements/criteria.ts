import { z } from 'zod';
import { questDifficultySchema, slugSchema } from '@/lib/quests/schemas';

/**
 * Achievement criteria are data. This is the one place their shapes are defined; the engine
 * (evaluating them), the admin forms (lib/achievements/criterion-types.ts describes each type for
 * them) and the admin's bulk preview and backfill all read this module.
 */

/**
 * The bounds of each criterion parameter: the schema enforces them and the admin form's inputs
 * show them. The upper bounds only keep numbers sane (and inside SQL's integer range).
 */
export const CRITERION_LIMITS = {
  count: { min: 1, max: 10_000 },
  amount: { min: 1, max: 100_000_000 },
  days: { min: 2, max: 3_650 },
  minutes: { min: 1, max: 1_000_000 },
} as const;

const wholeNumber = ({ min, max }: { min: number; max: number }) =>
  z
    .number({ error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(min, `Enter at least ${min.toLocaleString('en-US')}`)
    .max(max, `Enter at most ${max.toLocaleString('en-US')}`);

const count = wholeNumber(CRITERION_LIMITS.count);
const category = z.string({ error: 'Name a quest category' }).trim().min(2, 'Name a quest category').max(100, 'A category has at most 100 characters');

export const achievementCriteriaSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('first_quest') }),
    z.object({ type: z.literal('quests_completed'), count }),
    z.object({ type: z.literal('xp_total'), amount: wholeNumber(CRITERION_LIMITS.amount) }),
    z.object({ type: z.literal('category_completed'), category, count }),
    z.object({ type: z.literal('difficulty_completed'), difficulty: questDifficultySchema, count }),
    z.object({ type: z.literal('perfect_scores'), count }),
    z.object({ type: z.literal('streak_days'), days: wholeNumber(CRITERION_LIMITS.days) }),
    z.object({ type: z.literal('time_spent'), minutes: wholeNumber(CRITERION_LIMITS.minutes) }),
  ],
  { error: 'Choose one of the criterion types' },
);
export type AchievementCriteria = z.infer<typeof achievementCriteriaSchema>;
export type CriterionType = AchievementCriteria['type'];

export const ACHIEVEMENT_RARITIES = ['common', 'uncommon', 'rare', 'epic', 'legendary'] as const;
export const achievementRaritySchema = z.enum(ACHIEVEMENT_RARITIES, { error: 'Choose a rarity' });

/** A site path ("/icons/…") or an https address; protocol-relative "//host" is not a path. */
const iconUrlSchema = z
  .string()
  .trim()
  .max(500, 'An icon address has at most 500 characters')
  .regex(/^(\/(?!\/)|https:\/\/)\S+$/, 'Use a site path (/…) or an https:// address');

/** One achievement as the seed and the admin API write it. */
export const achievementInputSchema = z.object({
  slug: slugSchema,
  name: z.string({ error: 'Give the achievement a name' }).trim().min(3, 'Use at least 3 characters').max(255, 'Use at most 255 characters'),
  description: z
    .string({ error: 'Describe how to earn it' })
    .trim()
    .min(10, 'Use at least 10 characters')
    .max(500, 'Use at most 500 characters'),
  iconUrl: iconUrlSchema.nullable().default(null),
  criteria: achievementCriteriaSchema,
  xpReward: z
    .number({ error: 'Enter a whole number of XP' })
    .int('Enter a whole number of XP')
    .min(0, 'XP cannot be negative')
    .max(10_000, 'Enter at most 10,000 XP'),
  rarity: achievementRaritySchema,
});
export type AchievementInput = z.input<typeof achievementInputSchema>;
/** A parsed achievement: trimmed, defaults applied. */
export type AchievementValues = z.output<typeof achievementInputSchema>;

/** The criterion in words, for locked achievements and the admin list. */
export function describeCriteria(criteria: AchievementCriteria): string {
  switch (criteria.type) {
    case 'first_quest':
      return 'Complete your first quest';
    case 'quests_completed':
      return `Complete ${criteria.count} quest${criteria.count === 1 ? '' : 's'}`;
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
