import { questListQuerySchema, type QuestListQuery } from '@/lib/admin/quests/schemas';

/**
 * The admin quest list's filters in the URL. Unknown or malformed values fall back to "no
 * filter" rather than an error page; links drop defaults so they stay short.
 */
export function adminQuestParamsFromSearch(search: Record<string, string | string[] | undefined>, limit: number): QuestListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const pick = <K extends keyof QuestListQuery>(key: K, fallback: QuestListQuery[K]): QuestListQuery[K] => {
    const parsed = questListQuerySchema.shape[key].safeParse(first(search[key]));
    return parsed.success && parsed.data !== undefined ? (parsed.data as QuestListQuery[K]) : fallback;
  };
  return {
    q: pick('q', undefined),
    category: pick('category', undefined),
    difficulty: pick('difficulty', undefined),
    tier: pick('tier', undefined),
    status: pick('status', 'all'),
    page: pick('page', 1),
    limit,
  };
}

export function adminQuestsHref(params: Partial<QuestListQuery>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.status && params.status !== 'all') query.set('status', params.status);
  if (params.category) query.set('category', params.category);
  if (params.difficulty) query.set('difficulty', params.difficulty);
  if (params.tier) query.set('tier', params.tier);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/admin/quests?${text}` : '/admin/quests';
}
