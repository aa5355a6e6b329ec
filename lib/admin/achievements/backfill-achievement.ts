import 'server-only';
import { sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import type { Session } from '@/lib/auth/types';
import { afterCommit, asService, queryRows } from '@/lib/db';
import { appMetrics } from '@/lib/observability/app-metrics';
import { qualifyingLearners } from './qualifying-learners';
import { findAdminAchievement } from './queries';
import type { BackfillResult } from './types';

type Numeric = number | string | bigint;

/**
 * Awards an achievement to every learner who meets its saved criteria and lacks it, with its XP
 * through the ledger, exactly as the engine does when a learner unlocks it: one user_achievements
 * row and one 'achievement_unlocked' ledger row per learner, both "on conflict do nothing" on the
 * database's once-only keys. So a second run awards nothing, two runs side by side award each
 * learner once, and a learner's own unlock racing the backfill still gets one row and one grant.
 *
 * The ledger is closed to every API role, so this runs as the named service job
 * 'admin-backfill-achievement'; the caller's permission (update:quests) is checked before, by the
 * route. The audit entry is written in the same transaction, as the admin.
 *
 * The XP granted here can take a learner over an xp_total threshold; that achievement unlocks at
 * their next quest completion (when the engine runs for them) or through its own backfill.
 */
export async function backfillAchievement(session: Session, id: string, requestId: string | null): Promise<BackfillResult> {
  return asService('admin-backfill-achievement', async (tx) => {
    const achievement = await findAdminAchievement(tx, id);
    if (!achievement) throw new ApiError('NOT_FOUND', 'No such achievement');
    // findAdminAchievement parsed the stored criteria; null means they no longer parse.
    const { criteria } = achievement;
    if (!criteria) {
      throw new ApiError('CONFLICT', 'This achievement’s criteria cannot be read; fix them before awarding it');
    }

    // Inserted in user order: two backfills running at once take the unique-key locks in the
    // same order, so one waits for the other instead of deadlocking.
    const [counts] = await queryRows<{ qualifying: Numeric; awarded: Numeric; credited: Numeric }>(
      tx,
      sql`
        with qualifying as (${qualifyingLearners(criteria)}),
        awarded as (
          insert into public.user_achievements (user_id, achievement_id)
          select q.user_id, cast(${id} as uuid) from qualifying q order by q.user_id
          on conflict (user_id, achievement_id) do nothing
          returning user_id
        ),
        credited as (
          insert into public.xp_ledger (user_id, achievement_id, reason, amount)
          select a.user_id, cast(${id} as uuid), 'achievement_unlocked', cast(${achievement.xpReward} as integer) from awarded a order by a.user_id
          on conflict do nothing
          returning user_id
        )
        select (select count(*) from qualifying) as qualifying,
               (select count(*) from awarded) as awarded,
               (select count(*) from credited) as credited`,
    );
    const qualifying = Number(counts?.qualifying ?? 0);
    const awarded = Number(counts?.awarded ?? 0);
    const result: BackfillResult = { awarded, alreadyHeld: qualifying - awarded, qualifying };
    const xpGranted = Number(counts?.credited ?? 0) * achievement.xpReward;
    // Counted for /api/metrics once the awards (and their audit entry) have committed.
    if (xpGranted > 0) afterCommit(() => appMetrics().xpGranted.inc({}, xpGranted));

    await recordAdminAction(tx, session, {
      action: 'achievement.backfill',
      targetType: 'achievement',
      targetId: id,
      targetLabel: achievement.name,
      before: { unlockCount: achievement.unlockCount },
      after: {
        unlockCount: achievement.unlockCount + awarded,
        ...result,
        xpGranted,
        criteria,
      },
      requestId,
    });
    return result;
  });
}
