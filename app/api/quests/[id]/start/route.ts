import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { startQuest } from '@/lib/progress/start-quest';
import { recordEvent } from '@/lib/analytics/record-event';

const refSchema = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/i);

/**
 * POST /api/quests/:id/start → {progress: {id, questId, status: 'in_progress', currentStep: 0, startedAt}}
 * 201 when it starts, 200 when the learner had already started (the same row).
 */
export const POST = withUser<{ id: string }>(async (_request, { params, session }) => {
  const ref = refSchema.safeParse((await params).id);
  if (!ref.success) throw new ApiError('VALIDATION_ERROR', 'Invalid quest id', { id: ['must be a quest id or slug'] });
  const { progress, created } = await startQuest(session, ref.data);
  if (created) await recordEvent({ name: 'quest_start', userId: session.user.id, questId: progress.questId });
  return ok({ progress }, { status: created ? 201 : 200 });
});
