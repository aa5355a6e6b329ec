import 'server-only';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { asUser, queryRows, type JwtClaims } from '@/lib/db';
import { quests } from '@/lib/db/schema';
import type { CatalogParams } from './catalog-params';
import type { QuestDifficulty, QuestTier, StepKind } from './schemas';

/** What the catalog shows of a quest: never step bodies, never answers. */
export interface QuestSummary {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  category: string;
  difficulty: QuestDifficulty;
  tier: QuestTier;
  durationMinutes: number | null;
  xpReward: number;
  stepCount: number;
}

export interface Pagination {
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export interface QuestOverview extends QuestSummary {
  objectives: string[];
  prerequisites: { id: string; slug: string; title: string }[];
  outline: { id: string; position: number; kind: StepKind; title: string }[];
}

const summaryColumns = {
  id: quests.id,
  slug: quests.slug,
  title: quests.title,
  description: quests.description,
  category: quests.category,
  difficulty: quests.difficulty,
  tier: quests.tier,
  durationMinutes: quests.durationMinutes,
  xpReward: quests.xpReward,
  // Counted through the public outline function: a free learner may not read premium steps,
  // but may know how many there are.
  stepCount: sql<number>`(select count(*)::int from public.quest_outline(${quests.id}))`,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };
const toSummary = (row: SummaryRow): QuestSummary => row as QuestSummary;

const difficultyOrder = sql`array_position(array['beginner','intermediate','advanced']::text[], ${quests.difficulty}::text)`;

/** Published quests for the catalog, filtered and paged, read as the caller (RLS applies). */
export async function listPublishedQuests(
  claims: JwtClaims | null,
  params: CatalogParams,
): Promise<{ quests: QuestSummary[]; pagination: Pagination }> {
  const filters: SQL[] = [eq(quests.isPublished, true)];
  if (params.category) filters.push(eq(quests.category, params.category));
  if (params.difficulty) filters.push(eq(quests.difficulty, params.difficulty));
  if (params.tier) filters.push(eq(quests.tier, params.tier));
  const where = and(...filters);

  return asUser(claims, async (tx) => {
    const [totals] = await tx.select({ total: count() }).from(quests).where(where);
    const rows = await tx
      .select(summaryColumns)
      .from(quests)
      .where(where)
      .orderBy(asc(quests.category), asc(difficultyOrder), asc(quests.title), asc(quests.id))
      .limit(params.limit)
      .offset((params.page - 1) * params.limit);
    const total = totals?.total ?? 0;
    return {
      quests: rows.map(toSummary),
      pagination: { total, page: params.page, limit: params.limit, totalPages: Math.ceil(total / params.limit) },
    };
  });
}

/** Categories of published quests with how many each holds, for the filter chips. */
export async function listQuestCategories(claims: JwtClaims | null): Promise<{ name: string; count: number }[]> {
  return asUser(claims, (tx) =>
    tx
      .select({ name: quests.category, count: count() })
      .from(quests)
      .where(eq(quests.isPublished, true))
      .groupBy(quests.category)
      .orderBy(asc(quests.category)),
  );
}

/** A handful of quests to show on the landing page: the first beginner quest of each category. */
export async function listFeaturedQuests(claims: JwtClaims | null, limit = 6): Promise<QuestSummary[]> {
  return asUser(claims, async (tx) => {
    const rows = await tx
      .selectDistinctOn([quests.category], summaryColumns)
      .from(quests)
      .where(and(eq(quests.isPublished, true), eq(quests.tier, 'free')))
      .orderBy(asc(quests.category), asc(difficultyOrder), asc(quests.title));
    return rows.slice(0, limit).map(toSummary);
  });
}

/** The overview of one published quest: details, objectives, prerequisites and step outline. */
export async function getQuestOverview(claims: JwtClaims | null, slug: string): Promise<QuestOverview | null> {
  return asUser(claims, async (tx) => {
    const [row] = await tx
      .select({ ...summaryColumns, content: quests.content, prerequisiteIds: quests.prerequisites })
      .from(quests)
      .where(and(eq(quests.slug, slug), eq(quests.isPublished, true)))
      .limit(1);
    if (!row) return null;
    const prerequisiteIds = row.prerequisiteIds;
    const [prerequisites, outline] = await Promise.all([
      prerequisiteIds.length
        ? tx
            .select({ id: quests.id, slug: quests.slug, title: quests.title })
            .from(quests)
            .where(and(inArray(quests.id, prerequisiteIds), eq(quests.isPublished, true)))
        : Promise.resolve([]),
      queryRows<{ step_id: string; step_position: number; kind: StepKind; title: string }>(
        tx,
        sql`select step_id, step_position, kind, title from public.quest_outline(${row.id})`,
      ),
    ]);
    const { content, prerequisiteIds: _ids, ...summary } = row;
    return {
      ...toSummary(summary),
      objectives: content.objectives ?? [],
      // keep the author's order
      prerequisites: prerequisiteIds
        .map((id) => prerequisites.find((p) => p.id === id))
        .filter((p): p is { id: string; slug: string; title: string } => Boolean(p)),
      outline: outline.map((s) => ({ id: s.step_id, position: s.step_position, kind: s.kind, title: s.title })),
    };
  });
}
