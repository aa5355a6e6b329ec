import type { z } from 'zod';
import { ACHIEVEMENT_RARITIES, achievementCriteriaSchema, type AchievementCriteria } from '@/lib/achievements/criteria';
import { CRITERION_TYPES, criteriaFromFields, fieldValuesOf, type CriterionFieldValues } from '@/lib/achievements/criterion-types';
import type { AdminAchievement } from '@/lib/admin/achievements/types';

/** The editor's inputs, as text the way the browser holds them. */
export interface EditorValues {
  slug: string;
  name: string;
  description: string;
  iconUrl: string;
  rarity: (typeof ACHIEVEMENT_RARITIES)[number];
  xpReward: string;
  type: AchievementCriteria['type'];
  /** Parameters per criterion type, so switching type and back keeps what was typed. */
  fields: Record<AchievementCriteria['type'], CriterionFieldValues>;
}

/** Field path (as the API names it, e.g. "criteria.count") → messages. */
export type EditorErrors = Record<string, string[]>;

const examples = () =>
  Object.fromEntries(Object.values(CRITERION_TYPES).map((info) => [info.type, fieldValuesOf(info.example)])) as EditorValues['fields'];

export function initialValues(achievement: AdminAchievement | null): EditorValues {
  const fields = examples();
  const criteria = achievement?.criteria ?? null;
  if (criteria) fields[criteria.type] = fieldValuesOf(criteria);
  const rarity = (ACHIEVEMENT_RARITIES as readonly string[]).includes(achievement?.rarity ?? '') ? (achievement!.rarity as EditorValues['rarity']) : 'common';
  return {
    slug: achievement?.slug ?? '',
    name: achievement?.name ?? '',
    description: achievement?.description ?? '',
    iconUrl: achievement?.iconUrl ?? '',
    rarity,
    xpReward: String(achievement?.xpReward ?? 50),
    type: criteria?.type ?? 'quests_completed',
    fields,
  };
}

/** The criteria the inputs describe, unvalidated. */
export const draftCriteria = (values: EditorValues) => criteriaFromFields(values.type, values.fields[values.type]);

/** The criteria the inputs describe, when they are valid (the preview needs nothing less). */
export function validCriteria(values: EditorValues): AchievementCriteria | null {
  const parsed = achievementCriteriaSchema.safeParse(draftCriteria(values));
  return parsed.success ? parsed.data : null;
}

/** The request body the inputs make; the shared schema judges it on both sides. */
export function payloadOf(values: EditorValues): Record<string, unknown> {
  const xp = values.xpReward.trim();
  return {
    slug: values.slug.trim(),
    name: values.name,
    description: values.description,
    iconUrl: values.iconUrl.trim() === '' ? null : values.iconUrl.trim(),
    rarity: values.rarity,
    xpReward: xp === '' ? undefined : Number(xp),
    criteria: draftCriteria(values),
  };
}

export function errorsOf(error: z.ZodError): EditorErrors {
  const errors: EditorErrors = {};
  for (const issue of error.issues) (errors[issue.path.join('.') || '_root'] ??= []).push(issue.message);
  return errors;
}

/** Lowercase words joined by dashes: a slug suggested from the name. */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');

/** The DOM id of the input for an API field path. */
export const fieldId = (path: string) => `achievement-${path.replace(/\./g, '-')}`;

const LABELS: Record<string, string> = {
  name: 'Name',
  slug: 'Slug',
  description: 'Description',
  iconUrl: 'Icon',
  rarity: 'Rarity',
  xpReward: 'XP reward',
  'criteria.type': 'Criterion',
  criteria: 'Criterion',
};

/** A field path in words, for the error summary. */
export function describePath(path: string, values: EditorValues): string {
  if (LABELS[path]) return LABELS[path];
  const param = path.replace(/^criteria\./, '');
  const field = CRITERION_TYPES[values.type].fields.find((f) => f.name === param);
  return field ? field.label : path;
}

/** The order fields appear in on the page, so the summary lists problems top to bottom. */
export const FIELD_ORDER = ['name', 'slug', 'description', 'iconUrl', 'rarity', 'xpReward', 'criteria', 'criteria.type', 'criteria.category', 'criteria.difficulty', 'criteria.count', 'criteria.amount', 'criteria.days', 'criteria.minutes'];
