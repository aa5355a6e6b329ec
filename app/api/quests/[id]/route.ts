import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { ok } from '@/lib/api/respond';
import { withOptionalUser } from '@/lib/api/route';
import { getQuestOverview } from '@/lib/quests/queries';

const refSchema = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/i, 'must be a quest id or slug');

/** GET /api/quests/:id (id or slug) → the overview and step outline; no bodies, no answers. */
export const GET = withOptionalUser<{ id: string }>(async (_request, { params, session }) => {
  const ref = refSchema.safeParse((await params).id);
  if (!ref.success) throw new ApiError('VALIDATION_ERROR', 'Invalid quest id', { id: ['must be a quest id or slug'] });
  const quest = await getQuestOverview(session?.claims ?? null, ref.data);
  if (!quest) throw new ApiError('NOT_FOUND', 'No published quest with that id');
  return ok({ quest });
});
