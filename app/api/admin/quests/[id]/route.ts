import { ApiError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { deleteQuest } from '@/lib/admin/quests/lifecycle';
import { getQuestForEditor } from '@/lib/admin/quests/queries';
import { updateQuest } from '@/lib/admin/quests/save-quest';
import { MAX_QUEST_BODY_BYTES, questEditorSchema } from '@/lib/admin/quests/schemas';

type Params = { id: string };

/** GET /api/admin/quests/:id → {quest} with its steps and answer keys; 404 for an unknown id. */
export const GET = withPermission<Params>('update:quests', async (_request, { params, session }) => {
  const quest = await getQuestForEditor(session, (await params).id);
  if (!quest) throw new ApiError('NOT_FOUND', 'No such quest');
  return ok({ quest });
});

/**
 * PUT /api/admin/quests/:id {quest editor body} → {quest}. Replaces fields and steps: steps with
 * an id keep it, steps without one are new, missing ones are removed (archived when learners may
 * have met them). Learners' progress is brought in line in the same transaction.
 */
export const PUT = withPermission<Params>('update:quests', async (request, { params, session }) => {
  const { id } = await params;
  const input = await parseJsonBody(request, questEditorSchema, { maxBytes: MAX_QUEST_BODY_BYTES });
  const quest = await updateQuest(session, id, input, { requestId: request.headers.get('x-request-id') });
  return ok({ quest });
});

/** DELETE /api/admin/quests/:id → {deleted: true}; 409 while learners have progress in it. */
export const DELETE = withPermission<Params>('delete:quests', async (request, { params, session }) => {
  await deleteQuest(session, (await params).id, { requestId: request.headers.get('x-request-id') });
  return ok({ deleted: true });
});
