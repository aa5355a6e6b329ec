import { ApiError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { gradeStep } from '@/lib/progress/grade-step';
import { positionParam, stepAnswerSchema, uuidParam } from '@/lib/progress/schemas';

/**
 * POST /api/progress/:id/steps/:position {answer, clientEventId?} → {correct, explanation, progress}
 * — a resent clientEventId answers the first outcome again (offline sync, contract 4).
 */
export const POST = withUser<{ id: string; position: string }>(async (request, { params, session }) => {
  const raw = await params;
  const id = uuidParam.safeParse(raw.id);
  const position = positionParam.safeParse(raw.position);
  if (!id.success || !position.success) {
    throw new ApiError('VALIDATION_ERROR', 'Invalid step address', {
      ...(id.success ? {} : { id: ['must be a UUID'] }),
      ...(position.success ? {} : { position: ['must be a step number from 0'] }),
    });
  }
  const { answer, clientEventId } = await parseJsonBody(request, stepAnswerSchema);
  return ok({ ...(await gradeStep(session, id.data, position.data, answer, clientEventId)) });
});
