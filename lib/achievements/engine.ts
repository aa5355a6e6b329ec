import 'server-only';
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import { afterCommit, queryRows, type Tx } from '@/lib/db';
import { achievements, userAchievements } from '@/lib/db/schema';
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
  // (read committed) then reads the first's rows. The lock goes out with the reads: PostgreSQL
  // runs a connection's statements in order, so they start once the lock is held. Drizzle's
  // queries are lazy and reach the connection in the order they start, so the lock is started
  // (execute) before the reads are even built.
  const locking = tx.execute(sql`select pg_advisory_xact_lock(cast(${LOCK_NAMESPACE} as integer), hashtext(${userId}))`).execute();
  const [, firstStats, locked] = await Promise.all([
    locking,
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
  let stats = firstStats;
  let remaining = locked.flatMap((a) => {
    const criteria = parseStoredCriteria(a);
    return criteria ? [{ ...a, parsedCriteria: criteria }] : [];
  });

  const unlocked: UnlockedAchievement[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const due = remaining.filter((a) => criterionProgress(a.parsedCriteria, stats).met);
    if (due.length === 0) break;
    remaining = remaining.filter((a) => !due.includes(a));

    const { fresh, xp } = await unlockWithXp(tx, userId, due);
    if (fresh.length === 0) break;
    // Only rows actually written count (the once-per-achievement index may have said no), and
    // only once the completion's transaction commits.
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
    // An unlock changes one stat, total XP, by exactly what was credited: the next round needs no
    // read. (XP another completion commits meanwhile is judged by that completion's evaluation,
    // which waits for this one's lock.)
    if (xp === 0) break;
    stats = { ...stats, totalXp: stats.totalXp + xp };
  }
  return unlocked;
}

/**
 * Unlocks `due` for the learner and credits each new unlock's XP, in one statement: only the
 * achievements this statement inserted are credited, and the ledger's once-per-achievement index
 * has the last word. Returns the new unlocks and the XP actually credited.
 */
async function unlockWithXp<A extends { id: string; xpReward: number }>(
  tx: Tx,
  userId: string,
  due: A[],
): Promise<{ fresh: (A & { unlockedAt: Date })[]; xp: number }> {
  const ids = sql.join(
    due.map((a) => sql`${a.id}`),
    sql`, `,
  );
  const rows = await queryRows<{ achievement_id: string; unlocked_at: Date | string; credited: number | string }>(
    tx,
    sql`
      with inserted as (
        insert into public.user_achievements (user_id, achievement_id)
        select ${userId}::uuid, a.id from public.achievements a where a.id in (${ids}) order by a.id
        on conflict (user_id, achievement_id) do nothing
        returning achievement_id, unlocked_at
      ), credited as (
        insert into public.xp_ledger (user_id, achievement_id, reason, amount)
        select ${userId}::uuid, a.id, 'achievement_unlocked', a.xp_reward
        from inserted i join public.achievements a on a.id = i.achievement_id
        order by a.id
        on conflict do nothing
        returning achievement_id, amount
      )
      select i.achievement_id, i.unlocked_at, coalesce(c.amount, 0) as credited
      from inserted i left join credited c on c.achievement_id = i.achievement_id`,
  );
  const dueById = new Map(due.map((a) => [a.id, a]));
  const fresh = rows.flatMap((r) => {
    const a = dueById.get(r.achievement_id);
    return a ? [{ ...a, unlockedAt: new Date(r.unlocked_at) }] : [];
  });
  return { fresh, xp: rows.reduce((sum, r) => sum + Number(r.credited), 0) };
}
