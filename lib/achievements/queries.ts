import 'server-only';
import { cache } from 'react';
import { and, desc, eq } from 'drizzle-orm';
import { asUser, type JwtClaims } from '@/lib/db';
import { achievements, userAchievements } from '@/lib/db/schema';
import { describeCriteria } from './criteria';
import { byRarityThenName, parseStoredCriteria, type UnlockedAchievement } from './engine';
import { criterionProgress } from './evaluate-criteria';
import { learnerStats } from './learner-stats';

export interface AchievementView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  rarity: string;
  xpReward: number;
  iconUrl: string | null;
  unlocked: boolean;
  /** ISO 8601, or null while locked. */
  unlockedAt: string | null;
  /** The criterion in words. */
  criterion: string;
  progress: { current: number; target: number };
}

const columns = {
  id: achievements.id,
  slug: achievements.slug,
  name: achievements.name,
  description: achievements.description,
  rarity: achievements.rarity,
  xpReward: achievements.xpReward,
  iconUrl: achievements.iconUrl,
};

/**
 * Every achievement with the signed-in learner's unlock and progress, common → legendary then by
 * name. Read as the learner: achievements are public, unlocks and stats are their own rows.
 * Achievements whose stored criteria no longer parse are left out (they cannot be earned).
 */
export const listAchievementsForUser = cache(async (claims: JwtClaims): Promise<AchievementView[]> => {
  const { rows, stats } = await asUser(claims, async (tx) => {
    // The list and the stats behind its progress bars go out together (one round trip).
    const [rows, stats] = await Promise.all([
      tx
        .select({ ...columns, criteria: achievements.criteria, unlockedAt: userAchievements.unlockedAt })
        .from(achievements)
        .leftJoin(
          userAchievements,
          and(eq(userAchievements.achievementId, achievements.id), eq(userAchievements.userId, claims.sub)),
        ),
      learnerStats(tx, claims.sub),
    ]);
    return { rows, stats };
  });

  return rows
    .flatMap(({ criteria: stored, unlockedAt, ...a }) => {
      const criteria = parseStoredCriteria({ id: a.id, slug: a.slug, criteria: stored });
      if (!criteria) return [];
      const { current, target } = criterionProgress(criteria, stats);
      const unlocked = unlockedAt !== null;
      return [{
        ...a,
        unlocked,
        unlockedAt: unlockedAt?.toISOString() ?? null,
        criterion: describeCriteria(criteria),
        // Once earned, always shown as complete, even if the stats behind it have since moved.
        progress: { current: unlocked ? target : current, target },
      }];
    })
    .sort(byRarityThenName);
});

/** The learner's latest unlocks, newest first (for the dashboard). */
export async function recentAchievements(claims: JwtClaims, limit = 5): Promise<UnlockedAchievement[]> {
  const bounded = Math.min(Math.max(Math.floor(Number.isFinite(limit) ? limit : 5), 1), 50);
  const rows = await asUser(claims, (tx) =>
    tx
      .select({ ...columns, unlockedAt: userAchievements.unlockedAt })
      .from(userAchievements)
      .innerJoin(achievements, eq(achievements.id, userAchievements.achievementId))
      .where(eq(userAchievements.userId, claims.sub))
      .orderBy(desc(userAchievements.unlockedAt), desc(userAchievements.id))
      .limit(bounded),
  );
  return rows.map(({ unlockedAt, ...a }) => ({ ...a, unlockedAt: unlockedAt.toISOString() }));
}
