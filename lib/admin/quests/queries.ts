import 'server-only';
import { cache } from 'react';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { asUser } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { quests } from '@/lib/db/schema';
import type { Pagination } from '@/lib/quests/queries';
import type { QuestDifficulty, QuestTier } from '@/lib/quests/schemas';
import { loadEditorView, questStatusOf } from './editor-view';
import type { QuestListQuery, QuestStatusFilter } from './schemas';
import type { AdminQuestListItem, QuestEditorView, QuestOptions } from './types';

/** `%` and `_` in a search are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const statusFilter: Record<QuestStatusFilter, SQL | undefined> = {
  all: undefined,
  draft: and(eq(quests.isPublished, false), isNull(quests.archivedAt)),
  published: eq(quests.isPublished, true),
  archived: isNotNull(quests.archivedAt),
};

/*
 * Counted per row in the page (at most 100 rows, each an indexed lookup by idx_progress_quest).
 * Live steps are kept on the quest itself (quests.step_count, migration 0022).
 */
const outerQuestId = sql.raw('"quests"."id"');
const stepCount = quests.stepCount;
const learnerCount = sql<number>`(select count(*)::int from public.user_progress up where up.quest_id = ${outerQuestId})`;

/** GET /api/admin/quests: every quest the caller may see (admins: all), newest edit first. */
export async function listAdminQuests(
  session: Session,
  query: QuestListQuery,
): Promise<{ quests: AdminQuestListItem[]; pagination: Pagination }> {
  const filters: (SQL | undefined)[] = [statusFilter[query.status]];
  if (query.q) filters.push(or(ilike(quests.title, likePattern(query.q)), ilike(quests.slug, likePattern(query.q))));
  if (query.category) filters.push(eq(quests.category, query.category));
  if (query.difficulty) filters.push(eq(quests.difficulty, query.difficulty));
  if (query.tier) filters.push(eq(quests.tier, query.tier));
  const where = and(...filters);

  return asUser(session.claims, async (tx) => {
    const [[totals], rows] = await Promise.all([
      tx.select({ total: count() }).from(quests).where(where),
      tx
        .select({
          id: quests.id,
          slug: quests.slug,
          title: quests.title,
          category: quests.category,
          difficulty: quests.difficulty,
          tier: quests.tier,
          isPublished: quests.isPublished,
          archivedAt: quests.archivedAt,
          coverImageUrl: quests.coverImageUrl,
          updatedAt: quests.updatedAt,
          publishedAt: quests.publishedAt,
          stepCount,
          learnerCount,
        })
        .from(quests)
        .where(where)
        .orderBy(desc(quests.updatedAt), asc(quests.id))
        .limit(query.limit)
        .offset((query.page - 1) * query.limit),
    ]);
    const total = totals?.total ?? 0;
    return {
      quests: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        category: r.category,
        difficulty: r.difficulty as QuestDifficulty,
        tier: r.tier as QuestTier,
        status: questStatusOf(r),
        stepCount: r.stepCount,
        learnerCount: r.learnerCount,
        coverImageUrl: r.coverImageUrl,
        updatedAt: r.updatedAt.toISOString(),
        publishedAt: r.publishedAt?.toISOString() ?? null,
      })),
      pagination: { total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) },
    };
  });
}

/** More than any catalog this app ships; the picker is a list, not a search. */
const MAX_OPTIONS = 1_000;

/** GET /api/admin/quests/options: quests to pick as prerequisites and the categories in use. */
export async function questOptions(session: Session): Promise<QuestOptions> {
  return asUser(session.claims, async (tx) => {
    const [rows, categories] = await Promise.all([
      tx
        .select({ id: quests.id, slug: quests.slug, title: quests.title, isPublished: quests.isPublished, archivedAt: quests.archivedAt })
        .from(quests)
        .orderBy(asc(quests.title), asc(quests.id))
        .limit(MAX_OPTIONS),
      tx.selectDistinct({ category: quests.category }).from(quests).orderBy(asc(quests.category)),
    ]);
    return {
      quests: rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, status: questStatusOf(r) })),
      categories: categories.map((c) => c.category),
    };
  });
}

/**
 * One quest for the editor or its preview, answer keys included, read as the caller (an editor:
 * the answer-key function refuses anyone else). Null for an unknown or malformed id. Cached per
 * request, so a page and its metadata share one read.
 */
export const getQuestForEditor = cache(
  async (session: Session, id: string): Promise<QuestEditorView | null> =>
    asUser(session.claims, (tx) => loadEditorView(tx, id)),
);
