import { ApiError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { getProgressDetail } from '@/lib/progress/queries';
import { updateProgressSchema, uuidParam } from '@/lib/progress/schemas';
import { updateProgress } from '@/lib/progress/update-progress';

async function progressId(params: Promise<{ id: string }>): Promise<string> {
  const id = uuidParam.safeParse((await params).id);
  if (!id.success) throw new ApiError('VALIDATION_ERROR', 'Invalid progress id', { id: ['must be a UUID'] });
  return id.data;
}

/** GET /api/progress/:id → {progress, quest, steps} for the player. */
export const GET = withUser<{ id: string }>(async (_request, { params, session }) =>
  ok(await getProgressDetail(session, await progressId(params))),
);

/**
 * PUT /api/progress/:id {currentStep, progressPercentage, timeSpent, score?, clientEventId?}
 * → {progress, xpEarned?, achievementsUnlocked?} — setting currentStep to the number of steps
 * completes the quest. A resent clientEventId answers the first outcome again and applies nothing.
 */
export const PUT = withUser<{ id: string }>(async (request, { params, session }) => {
  const id = await progressId(params);
  const body = await parseJsonBody(request, updateProgressSchema);
  return ok({ ...(await updateProgress(session, id, body)) });
});
