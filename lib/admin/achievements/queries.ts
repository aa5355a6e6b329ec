import 'server-only';
import { asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { asUser, type JwtClaims, type Tx } from '@/lib/db';
import { achievements, quests } from '@/lib/db/schema';
import { ACHIEVEMENT_RARITIES, achievementCriteriaSchema, describeCriteria } from '@/lib/achievements/criteria';
import type { ListAchievementsQuery } from './schemas';
import type { AdminAchievement, Pagination } from './types';

// Spelled out: inside a select list Drizzle renders a column unqualified, which the subquery would
// read as its own ua.id.
const unlockCount = sql<number>`(select count(*) from public.user_achievements ua where ua.achievement_id = achievements.id)`.mapWith(Number);

const columns = {
  id: achievements.id,
  slug: achievements.slug,
  name: achievements.name,
  description: achievements.description,
  iconUrl: achievements.iconUrl,
  rarity: achievements.rarity,
  xpReward: achievements.xpReward,
  criteria: achievements.criteria,
  createdAt: achievements.createdAt,
  unlockCount,
};

type Row = { criteria: unknown; createdAt: Date } & Omit<AdminAchievement, 'criteria' | 'criterion' | 'createdAt'>;

function toAdminAchievement({ criteria: stored, createdAt, ...row }: Row): AdminAchievement {
  // Parsed quietly: the engine warns about unreadable criteria; here the page flags them.
  const parsed = achievementCriteriaSchema.safeParse(stored);
  return {
    ...row,
    criteria: parsed.success ? parsed.data : null,
    criterion: parsed.success ? describeCriteria(parsed.data) : 'Unreadable criteria: nobody can earn this until they are fixed',
    createdAt: createdAt.toISOString(),
  };
}

/** `%` and `_` in a search are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const rarityOrder = sql`array_position(array[${sql.join(ACHIEVEMENT_RARITIES.map((r) => sql`${r}`), sql`, `)}]::text[], ${achievements.rarity}::text)`;

/**
 * Achievements for the admin list, common → legendary then by name, with how many learners hold
 * each; searched by name or slug and paged. Read as the admin: RLS lets staff see every unlock.
 */
export async function listAdminAchievements(
  claims: JwtClaims,
  params: ListAchievementsQuery,
): Promise<{ achievements: AdminAchievement[]; pagination: Pagination }> {
  const where: SQL | undefined = params.q
    ? or(ilike(achievements.name, likePattern(params.q)), ilike(achievements.slug, likePattern(params.q)))
    : undefined;
  return asUser(claims, async (tx) => {
    const [totals] = await tx.select({ total: count() }).from(achievements).where(where);
    const rows = await tx
      .select(columns)
      .from(achievements)
      .where(where)
      .orderBy(rarityOrder, asc(achievements.name), asc(achievements.id))
      .limit(params.limit)
      .offset((params.page - 1) * params.limit);
    const total = totals?.total ?? 0;
    return {
      achievements: rows.map(toAdminAchievement),
      pagination: { total, page: params.page, limit: params.limit, totalPages: Math.ceil(total / params.limit) },
    };
  });
}

/** One achievement in the caller's transaction, or null. */
export async function findAdminAchievement(tx: Tx, id: string): Promise<AdminAchievement | null> {
  const [row] = await tx.select(columns).from(achievements).where(eq(achievements.id, id));
  return row ? toAdminAchievement(row) : null;
}

export function getAdminAchievement(claims: JwtClaims, id: string): Promise<AdminAchievement | null> {
  return asUser(claims, (tx) => findAdminAchievement(tx, id));
}

/** Every quest category, drafts included, for the category criterion's suggestions. */
export async function questCategories(claims: JwtClaims): Promise<string[]> {
  const rows = await asUser(claims, (tx) =>
    tx.selectDistinct({ category: quests.category }).from(quests).orderBy(asc(quests.category)),
  );
  return rows.map((r) => r.category);
}
