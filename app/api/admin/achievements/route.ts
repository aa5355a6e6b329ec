import { parseJsonBody, parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { listAdminAchievements } from '@/lib/admin/achievements/queries';
import { achievementFormSchema, listAchievementsQuerySchema } from '@/lib/admin/achievements/schemas';
import { createAchievement } from '@/lib/admin/achievements/write-achievement';

/** GET /api/admin/achievements?q&page&limit → {achievements (with unlockCount), pagination}. */
export const GET = withPermission('update:quests', async (request, { session }) =>
  ok({ ...(await listAdminAchievements(session.claims, parseSearchParams(request.nextUrl, listAchievementsQuerySchema))) }),
);

/** POST /api/admin/achievements {slug, name, description, iconUrl?, criteria, xpReward, rarity} → 201 {achievement}. */
export const POST = withPermission('create:quests', async (request, { session }) => {
  const values = await parseJsonBody(request, achievementFormSchema);
  const achievement = await createAchievement(session, values, request.headers.get('x-request-id'));
  return ok({ achievement }, { status: 201 });
});
