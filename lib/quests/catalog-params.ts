import { z } from 'zod';
import { questDifficultySchema, questTierSchema } from './schemas';

/**
 * Catalog filters and paging, shared by the catalog page (URL search params) and, later, the
 * catalog API. Limits follow the API contract: 20 by default, at most 100.
 */
export const catalogParamsSchema = z.object({
  /** Title search. */
  q: z.string().trim().min(1).max(100).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  difficulty: questDifficultySchema.optional(),
  tier: questTierSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type CatalogParams = z.infer<typeof catalogParamsSchema>;

/** For pages: unknown or malformed values fall back to "no filter" rather than an error page. */
export function catalogParamsFromSearch(search: Record<string, string | string[] | undefined>, limit: number): CatalogParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const pick = <K extends keyof CatalogParams>(key: K, value: unknown) => {
    const parsed = catalogParamsSchema.shape[key].safeParse(value);
    return parsed.success ? (parsed.data as CatalogParams[K]) : undefined;
  };
  return {
    q: pick('q', first(search.q)),
    category: pick('category', first(search.category)),
    difficulty: pick('difficulty', first(search.difficulty)),
    tier: pick('tier', first(search.tier)),
    page: pick('page', first(search.page) ?? 1) ?? 1,
    limit,
  };
}

/** The URL of the catalog with `params`, dropping defaults so links stay short and shareable. */
export function catalogHref(params: Partial<CatalogParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.category) query.set('category', params.category);
  if (params.difficulty) query.set('difficulty', params.difficulty);
  if (params.tier) query.set('tier', params.tier);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/quests?${text}` : '/quests';
}
