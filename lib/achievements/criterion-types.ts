import { QUEST_DIFFICULTIES } from '@/lib/quests/schemas';
import { CRITERION_LIMITS, type AchievementCriteria, type CriterionType } from './criteria';

/**
 * How each criterion type reads to an admin: its name, what it rewards, and the inputs its form
 * shows. The admin form renders from this list; the shapes themselves stay in criteria.ts (the
 * `satisfies` below fails to compile when a type is added there but not described here).
 */

type NumberParam = 'count' | 'amount' | 'days' | 'minutes';

export type CriterionField =
  | { name: NumberParam; input: 'number'; label: string; hint: string; min: number; max: number }
  | { name: 'category'; input: 'category'; label: string; hint: string }
  | { name: 'difficulty'; input: 'choice'; label: string; hint: string; options: readonly string[] };

export interface CriterionTypeInfo<T extends CriterionType = CriterionType> {
  type: T;
  label: string;
  description: string;
  fields: readonly CriterionField[];
  /** What the form starts from when an admin picks this type. */
  example: Extract<AchievementCriteria, { type: T }>;
}

const numberField = (name: NumberParam, label: string, hint: string): CriterionField => ({
  name,
  input: 'number',
  label,
  hint,
  ...CRITERION_LIMITS[name],
});

const questCount = (hint: string) => numberField('count', 'Number of quests', hint);

export const CRITERION_TYPES = {
  first_quest: {
    type: 'first_quest',
    label: 'First quest',
    description: 'Unlocks when a learner completes their first quest.',
    fields: [],
    example: { type: 'first_quest' },
  },
  quests_completed: {
    type: 'quests_completed',
    label: 'Quests completed',
    description: 'Unlocks after a number of completed quests of any kind.',
    fields: [questCount('Completed quests of any category or difficulty.')],
    example: { type: 'quests_completed', count: 5 },
  },
  xp_total: {
    type: 'xp_total',
    label: 'Total XP',
    description: 'Unlocks when a learner’s lifetime XP (quests and achievements) reaches a total.',
    fields: [numberField('amount', 'XP total', 'Lifetime XP, including XP from other achievements.')],
    example: { type: 'xp_total', amount: 1000 },
  },
  category_completed: {
    type: 'category_completed',
    label: 'Quests in a category',
    description: 'Unlocks after a number of completed quests in one category.',
    fields: [
      { name: 'category', input: 'category', label: 'Category', hint: 'Exactly as quests name it, e.g. Security.' },
      questCount('Completed quests in that category.'),
    ],
    example: { type: 'category_completed', category: 'Security', count: 2 },
  },
  difficulty_completed: {
    type: 'difficulty_completed',
    label: 'Quests of a difficulty',
    description: 'Unlocks after a number of completed quests of one difficulty.',
    fields: [
      { name: 'difficulty', input: 'choice', label: 'Difficulty', hint: 'Only quests of this difficulty count.', options: QUEST_DIFFICULTIES },
      questCount('Completed quests of that difficulty.'),
    ],
    example: { type: 'difficulty_completed', difficulty: 'advanced', count: 1 },
  },
  perfect_scores: {
    type: 'perfect_scores',
    label: 'Perfect scores',
    description: 'Unlocks after a number of quests completed with a score of 100%.',
    fields: [questCount('Quests completed with every quiz answered right.')],
    example: { type: 'perfect_scores', count: 1 },
  },
  streak_days: {
    type: 'streak_days',
    label: 'Learning streak',
    description: 'Unlocks when a learner’s longest streak of learning days (freezes included) reaches a length.',
    fields: [numberField('days', 'Streak length in days', 'The longest streak ever counts, not only the current one.')],
    example: { type: 'streak_days', days: 7 },
  },
  time_spent: {
    type: 'time_spent',
    label: 'Time spent learning',
    description: 'Unlocks when the time spent in quests, finished or not, reaches a number of minutes.',
    fields: [numberField('minutes', 'Minutes', 'All time in quests, in whole minutes.')],
    example: { type: 'time_spent', minutes: 60 },
  },
} as const satisfies { [T in CriterionType]: CriterionTypeInfo<T> };

/** The types in the order the form lists them. */
export const CRITERION_TYPE_LIST: readonly CriterionTypeInfo[] = Object.values(CRITERION_TYPES);

export const isCriterionType = (value: string): value is CriterionType => Object.hasOwn(CRITERION_TYPES, value);

/** A criterion's parameters as the form's text inputs hold them. */
export type CriterionFieldValues = Partial<Record<CriterionField['name'], string>>;

export function fieldValuesOf(criteria: AchievementCriteria): CriterionFieldValues {
  const values: CriterionFieldValues = {};
  for (const field of CRITERION_TYPES[criteria.type].fields) {
    const value = (criteria as Record<string, unknown>)[field.name];
    if (value !== undefined) values[field.name] = String(value);
  }
  return values;
}

/**
 * The criteria object the form's inputs describe, not yet validated: numbers are parsed, an empty
 * number input is left out so the schema names it as missing, and fields of other types are
 * dropped. achievementCriteriaSchema decides whether the result is valid.
 */
export function criteriaFromFields(type: CriterionType, values: CriterionFieldValues): Record<string, unknown> {
  const criteria: Record<string, unknown> = { type };
  for (const field of CRITERION_TYPES[type].fields) {
    const raw = (values[field.name] ?? '').trim();
    if (field.input === 'number') {
      if (raw !== '') criteria[field.name] = Number(raw);
    } else {
      criteria[field.name] = raw;
    }
  }
  return criteria;
}
