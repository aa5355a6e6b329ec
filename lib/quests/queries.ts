import 'server-only';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { asUser, queryRows, statement, type JwtClaims, type Tx } from '@/lib/db';
import { quests } from '@/lib/db/schema';
import type { CatalogParams } from './catalog-params';
import { cachedCatalogRead } from './catalog-cache';
import type { QuestDifficulty, QuestTier, StepKind } from './schemas';

/** Whether the caller may start a quest, and if not, why. */
export type QuestAccess = 'available' | 'premium_locked' | 'prerequisites_locked';

export interface QuestProgressSummary {
  id: string;
  status: 'in_progress' | 'completed';
  currentStep: number;
  progressPercentage: number;
  score: number | null;
}

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
  /** Site path or https URL of the cover image, when the quest has one. */
  coverImageUrl: string | null;
  stepCount: number;
  access: QuestAccess;
  progress: QuestProgressSummary | null;
}

export interface Pagination {
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export interface QuestOverview extends QuestSummary {
  objectives: string[];
  prerequisites: { id: string; slug: string; title: string; completed: boolean }[];
  outline: { id: string; position: number; kind: StepKind; title: string }[];
}

/*
 * Access and progress are computed in SQL as the caller: auth.uid() is theirs, has_premium() reads
 * their profile, and RLS shows them only their own progress rows.
 */
const prerequisitesUnmet = sql<boolean>`exists (
  select 1 from jsonb_array_elements_text(${quests.prerequisites}) as pre(id)
  where not exists (
    select 1 from public.user_progress done
    where done.quest_id = pre.id::uuid and done.user_id = (select auth.uid()) and done.status = 'completed'
  ))`;

/*
 * Inside a subquery with its own `id` column, Drizzle's bare "id" for quests.id would bind to the
 * inner table; name the outer column with its table.
 */
const outerQuestId = sql.raw('"quests"."id"');

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
  coverImageUrl: quests.coverImageUrl,
  // Kept on the quest by triggers (migration 0022): a free learner may not read premium steps,
  // but may know how many there are.
  stepCount: quests.stepCount,
  access: sql<QuestAccess>`case
    when ${quests.tier} = 'premium' and not (select private.has_premium()) then 'premium_locked'
    when ${prerequisitesUnmet} then 'prerequisites_locked'
    else 'available' end`,
  progress: sql<QuestProgressSummary | null>`(
    select json_build_object('id', up.id, 'status', up.status, 'currentStep', up.current_step,
      'progressPercentage', up.progress_percentage, 'score', up.score)
    from public.user_progress up where up.quest_id = ${outerQuestId} and up.user_id = (select auth.uid()))`,
};

const difficultyOrder = sql`array_position(array['beginner','intermediate','advanced']::text[], ${quests.difficulty}::text)`;

/** `%` and `_` in a search are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Published quests for the catalog, filtered and paged, read as the caller (RLS applies).
 *
 * The page itself — which quests, in what order, their card fields and the total — is the same
 * for everyone, so it is read anonymously and shared through the catalog cache
 * (lib/quests/catalog-cache.ts). A signed-in caller then reads only what is theirs, for those
 * rows: whether they may start each quest and their progress on it (personalise).
 */
export async function listPublishedQuests(
  claims: JwtClaims | null,
  params: CatalogParams,
): Promise<{ quests: QuestSummary[]; pagination: Pagination }> {
  const page = await anonymousCatalogPage(params);
  if (claims === null) return page;
  return { quests: await personalise(claims, page.quests), pagination: page.pagination };
}

const anonymousCatalogPage = cachedCatalogRead('page', readCatalogPage);

/** The caller's access to and progress on each quest: the per-learner part of a catalog card. */
const personalColumns = { id: quests.id, access: summaryColumns.access, progress: summaryColumns.progress };

const personalRead = statement('catalog-personal', (tx) =>
  tx
    .select(personalColumns)
    .from(quests)
    .where(and(sql`${quests.id} = any(${sql.placeholder('ids')}::uuid[])`, eq(quests.isPublished, true))),
);

/** Shared catalog cards with the caller's own access and progress in place of the anonymous ones. */
async function personalise(claims: JwtClaims, cards: QuestSummary[]): Promise<QuestSummary[]> {
  if (cards.length === 0) return cards;
  const ids = cards.map((c) => c.id);
  const rows = await asUser(claims, (tx) => personalRead(tx, { ids }));
  const mine = new Map(rows.map((r) => [r.id, r]));
  // A card whose quest was unpublished since the page was cached is no longer readable: drop it.
  return cards.flatMap((card) => {
    const own = mine.get(card.id);
    return own ? [{ ...card, access: own.access, progress: own.progress }] : [];
  });
}

/** One page of the published catalog as an anonymous visitor sees it. */
async function readCatalogPage(params: CatalogParams): Promise<{ quests: QuestSummary[]; pagination: Pagination }> {
  const filters: SQL[] = [eq(quests.isPublished, true)];
  if (params.q) filters.push(ilike(quests.title, likePattern(params.q)));
  if (params.category) filters.push(eq(quests.category, params.category));
  if (params.difficulty) filters.push(eq(quests.difficulty, params.difficulty));
  if (params.tier) filters.push(eq(quests.tier, params.tier));
  const where = and(...filters);

  const order = [asc(quests.category), asc(difficultyOrder), asc(quests.title), asc(quests.id)];

  return asUser(null, async (tx) => {
    // The page's ids are chosen on plain columns first, and the summary — step counts, access,
    // progress: subqueries per row — is computed for those rows only. Ordering and projecting in
    // one query computed it for every skipped row of a deep page (64 ms at page 70 of 2,000 quests).
    const pageIds = tx
      .select({ id: quests.id })
      .from(quests)
      .where(where)
      .orderBy(...order)
      .limit(params.limit)
      .offset((params.page - 1) * params.limit);
    // Both statements go out together on the transaction's connection (one round trip, not two).
    const [[totals], rows] = await Promise.all([
      tx.select({ total: count() }).from(quests).where(where),
      // `= any(array(…))`, not `in (…)`: the planner then fetches the 20 rows by primary key instead
      // of hashing the page against a scan of every quest.
      tx.select(summaryColumns).from(quests).where(sql`${quests.id} = any(array(${pageIds}))`).orderBy(...order),
    ]);
    const total = totals?.total ?? 0;
    return {
      quests: rows as QuestSummary[],
      pagination: { total, page: params.page, limit: params.limit, totalPages: Math.ceil(total / params.limit) },
    };
  });
}

/** Categories of published quests with how many each holds, for the filter chips. */
export function listQuestCategories(claims: JwtClaims | null): Promise<{ name: string; count: number }[]> {
  return claims === null ? anonymousCategories() : readQuestCategories(claims);
}

const anonymousCategories = cachedCatalogRead('categories', () => readQuestCategories(null));

async function readQuestCategories(claims: JwtClaims | null): Promise<{ name: string; count: number }[]> {
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
export function listFeaturedQuests(claims: JwtClaims | null, limit = 6): Promise<QuestSummary[]> {
  return claims === null ? anonymousFeatured(limit) : readFeaturedQuests(claims, limit);
}

const anonymousFeatured = cachedCatalogRead('featured', (limit: number) => readFeaturedQuests(null, limit));

async function readFeaturedQuests(claims: JwtClaims | null, limit: number): Promise<QuestSummary[]> {
  return asUser(claims, async (tx) => {
    const rows = await tx
      .selectDistinctOn([quests.category], summaryColumns)
      .from(quests)
      .where(and(eq(quests.isPublished, true), eq(quests.tier, 'free')))
      .orderBy(asc(quests.category), asc(difficultyOrder), asc(quests.title));
    return (rows as QuestSummary[]).slice(0, limit);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A quest reference from a URL: its id or its slug. */
export function questRefFilter(ref: string): SQL {
  return UUID.test(ref) ? or(eq(quests.id, ref), eq(quests.slug, ref))! : eq(quests.slug, ref);
}

/**
 * The overview of one published quest (by id or slug): details, objectives, prerequisites,
 * outline. As with the catalog, what everyone sees is shared through the catalog cache and a
 * signed-in caller reads only their own part: access, progress and which prerequisites they did.
 */
export async function getQuestOverview(claims: JwtClaims | null, ref: string): Promise<QuestOverview | null> {
  const overview = await anonymousOverview(ref);
  if (claims === null || overview === null) return overview;
  const [own] = await asUser(claims, (tx) =>
    tx
      .select({
        ...personalColumns,
        completedPrerequisites: sql<string[]>`(
          select coalesce(json_agg(up.quest_id), '[]'::json) from public.user_progress up
          where up.user_id = (select auth.uid()) and up.status = 'completed'
            and up.quest_id in (select pre::uuid from jsonb_array_elements_text(${quests.prerequisites}) as pre)
        )`,
      })
      .from(quests)
      .where(and(eq(quests.id, overview.id), eq(quests.isPublished, true))),
  );
  // Unpublished since the overview was cached: gone for the caller too.
  if (!own) return null;
  const done = new Set(own.completedPrerequisites);
  return {
    ...overview,
    access: own.access,
    progress: own.progress,
    prerequisites: overview.prerequisites.map((p) => ({ ...p, completed: done.has(p.id) })),
  };
}

const anonymousOverview = cachedCatalogRead('overview', (ref: string) => asUser(null, (tx) => questOverviewIn(tx, ref)));

/** One published quest's overview as an anonymous visitor sees it. */
async function questOverviewIn(tx: Tx, ref: string): Promise<QuestOverview | null> {
  const [row] = await tx
    .select({ ...summaryColumns, content: quests.content, prerequisiteIds: quests.prerequisites })
    .from(quests)
    .where(and(questRefFilter(ref), eq(quests.isPublished, true)))
    .limit(1);
  if (!row) return null;
  const prerequisiteIds = row.prerequisiteIds;
  const [prerequisites, outline] = await Promise.all([
    prerequisiteIds.length
      ? tx
          .select({
            id: quests.id,
            slug: quests.slug,
            title: quests.title,
            // Read anonymously (the shared part): nobody has completed anything. getQuestOverview
            // fills in a signed-in caller's own.
            completed: sql<boolean>`false`,
          })
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
    ...(summary as QuestSummary),
    objectives: content.objectives ?? [],
    // keep the author's order
    prerequisites: prerequisiteIds
      .map((id) => prerequisites.find((p) => p.id === id))
      .filter((p): p is (typeof prerequisites)[number] => Boolean(p)),
    outline: outline.map((s) => ({ id: s.step_id, position: s.step_position, kind: s.kind, title: s.title })),
  };
}
