import { z } from 'zod';
import { achievementCriteriaSchema, achievementInputSchema } from '@/lib/achievements/criteria';

/**
 * The admin API's inputs. An achievement's fields are the seed's (one schema in
 * lib/achievements/criteria.ts); create and update (PUT replaces every field) both take them.
 * Safe for client components: the form validates with the same schemas before sending.
 */
export const achievementFormSchema = achievementInputSchema;

export const achievementIdSchema = z.uuid({ error: 'must be a UUID' });

/** POST /api/admin/achievements/preview: criteria that may not be saved yet. */
export const previewRequestSchema = z.object({
  criteria: achievementCriteriaSchema,
  /** When editing: also count how many of the qualifying learners already hold it. */
  achievementId: achievementIdSchema.optional(),
});
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

export const ACHIEVEMENTS_PAGE_SIZE = 25;

export const listAchievementsQuerySchema = z.object({
  q: z.string().trim().max(100, 'Search with at most 100 characters').optional().transform((q) => q || undefined),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1).max(10_000).default(1),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(100).default(ACHIEVEMENTS_PAGE_SIZE),
});
export type ListAchievementsQuery = z.infer<typeof listAchievementsQuerySchema>;
