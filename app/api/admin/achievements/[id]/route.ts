import { ApiError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { deleteAchievement } from '@/lib/admin/achievements/delete-achievement';
import { getAdminAchievement } from '@/lib/admin/achievements/queries';
import { achievementFormSchema } from '@/lib/admin/achievements/schemas';
import { updateAchievement } from '@/lib/admin/achievements/write-achievement';
import { achievementIdParam } from './params';

/** GET /api/admin/achievements/:id → {achievement} (with unlockCount). */
export const GET = withPermission<{ id: string }>('update:quests', async (_request, { params, session }) => {
  const achievement = await getAdminAchievement(session.claims, await achievementIdParam(params));
  if (!achievement) throw new ApiError('NOT_FOUND', 'No such achievement');
  return ok({ achievement });
});

/** PUT /api/admin/achievements/:id {every field, as POST} → {achievement}. Holders keep it. */
export const PUT = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const id = await achievementIdParam(params);
  const values = await parseJsonBody(request, achievementFormSchema);
  return ok({ achievement: await updateAchievement(session, id, values, request.headers.get('x-request-id')) });
});

/** DELETE /api/admin/achievements/:id → {id}; 409 once any learner has unlocked it. */
export const DELETE = withPermission<{ id: string }>('delete:quests', async (request, { params, session }) => {
  const id = await achievementIdParam(params);
  await deleteAchievement(session, id, request.headers.get('x-request-id'));
  return ok({ id });
});
