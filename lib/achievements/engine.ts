import 'server-only';
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import { afterCommit, type Tx } from '@/lib/db';
import { achievements, userAchievements, xpLedger } from '@/lib/db/schema';
import { appMetrics } from '@/lib/observability/app-metrics';
import { logger } from '@/lib/observability/logger';
import { ACHIEVEMENT_RARITIES, achievementCriteriaSchema, type AchievementCriteria } from './criteria';
import { criterionProgress } from './evaluate-criteria';
import { learnerStats } from './learner-stats';

export interface UnlockedAchievement {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  rarity: string;
  xpReward: number;
  iconUrl: string | null;
  /** ISO 8601. */
  unlockedAt: string;
}

/** The two-key advisory lock space is apart from single-key locks (the migration runner's). */
const LOCK_NAMESPACE = 7_263_002;

/** Achievement XP can unlock an xp_total achievement, whose XP can unlock the next: a short chain. */
const MAX_ROUNDS = 10;

const rarityRank = (rarity: string) => {
  const i = (ACHIEVEMENT_RARITIES as readonly string[]).indexOf(rarity);
  return i === -1 ? ACHIEVEMENT_RARITIES.length : i;
};

/** Rarity (common first), then name: the order the UI shows achievements in. */
export function byRarityThenName(a: { rarity: string; name: string }, b: { rarity: string; name: string }): number {
  return rarityRank(a.rarity) - rarityRank(b.rarity) || a.name.localeCompare(b.name, 'en');
}

/**
 * Parses stored criteria. The table only checks that criteria is an object with a type, so a bad
 * admin edit or an older shape must not take the completion job down with it: warn and skip.
 */
export function parseStoredCriteria(achievement: { id: string; slug: string; criteria: unknown }): AchievementCriteria | null {
  const parsed = achievementCriteriaSchema.safeParse(achievement.criteria);
  if (parsed.success) return parsed.data;
  logger().warn(
    { achievementId: achievement.id, slug: achievement.slug, issues: parsed.error.issues.map((issue) => issue.message) },
    'skipping achievement with invalid criteria',
  );
  return null;
}

/**
 * Unlocks every achievement `userId` now meets, appending each unlock's XP to the ledger once.
 * Runs inside the caller's service-role transaction (the completion job). Idempotent: the unique
 * (user, achievement) key and the ledger's once-per-achievement index decide, whatever races.
 */
export async function evaluateAchievements(tx: Tx, userId: string): Promise<UnlockedAchievement[]> {
  // One evaluation per learner at a time. Without it, two completions committing side by side
  // each see only their own quest and neither unlocks "2 quests"; with it, the second waits and
  // (read committed) then reads the first's rows. The lock goes out with the first round's reads:
  // PostgreSQL runs a connection's statements in order, so they start once the lock is held.
  const lock = tx.execute(sql`select pg_advisory_xact_lock(cast(${LOCK_NAMESPACE} as integer), hashtext(${userId}))`);

  const unlocked: UnlockedAchievement[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const [, stats, locked] = await Promise.all([
      round === 0 ? lock : undefined,
      learnerStats(tx, userId),
      tx
        .select()
        .from(achievements)
        .where(
          notExists(
            tx
              .select({ one: sql`1` })
              .from(userAchievements)
              .where(and(eq(userAchievements.achievementId, achievements.id), eq(userAchievements.userId, userId))),
          ),
        )
        // A fixed order makes concurrent inserts take row locks in the same order: no deadlock.
        .orderBy(asc(achievements.id)),
    ]);
    const due = locked.filter((a) => {
      const criteria = parseStoredCriteria(a);
      return criteria !== null && criterionProgress(criteria, stats).met;
    });
    if (due.length === 0) break;

    const inserted = await tx
      .insert(userAchievements)
      .values(due.map((a) => ({ userId, achievementId: a.id })))
      .onConflictDoNothing({ target: [userAchievements.userId, userAchievements.achievementId] })
      .returning({ achievementId: userAchievements.achievementId, unlockedAt: userAchievements.unlockedAt });
    if (inserted.length === 0) break;

    const dueById = new Map(due.map((a) => [a.id, a]));
    const fresh = inserted.flatMap(({ achievementId, unlockedAt }) => {
      const a = dueById.get(achievementId);
      return a ? [{ ...a, unlockedAt }] : [];
    });
    const credited = await tx
      .insert(xpLedger)
      .values(fresh.map((a) => ({ userId, achievementId: a.id, reason: 'achievement_unlocked' as const, amount: a.xpReward })))
      .onConflictDoNothing()
      .returning({ amount: xpLedger.amount });
    // Only rows actually written count (the once-per-achievement index may have said no), and
    // only once the completion's transaction commits.
    const xp = credited.reduce((sum, row) => sum + row.amount, 0);
    if (xp > 0) afterCommit(() => appMetrics().xpGranted.inc({}, xp));
    unlocked.push(
      ...fresh.sort(byRarityThenName).map((a) => ({
        id: a.id,
        slug: a.slug,
        name: a.name,
        description: a.description,
        rarity: a.rarity,
        xpReward: a.xpReward,
        iconUrl: a.iconUrl,
        unlockedAt: a.unlockedAt.toISOString(),
      })),
    );
    // Only new XP can change the stats another round would read.
    if (!fresh.some((a) => a.xpReward > 0)) break;
  }
  return unlocked;
}
