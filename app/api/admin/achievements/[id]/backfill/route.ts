import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { backfillAchievement } from '@/lib/admin/achievements/backfill-achievement';
import { achievementIdParam } from '../params';

/**
 * POST /api/admin/achievements/:id/backfill → {awarded, alreadyHeld, qualifying}: awards it to
 * every learner who meets its saved criteria and lacks it, with its XP, once. The permission is
 * checked here; the award itself is a service job (no API role writes the XP ledger).
 */
export const POST = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const id = await achievementIdParam(params);
  return ok({ ...(await backfillAchievement(session, id, request.headers.get('x-request-id'))) });
});
