import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { archiveQuest } from '@/lib/admin/quests/lifecycle';

/** POST /api/admin/quests/:id/archive → {quest}: retired and unpublished; learners keep progress and XP. */
export const POST = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const quest = await archiveQuest(session, (await params).id, { requestId: request.headers.get('x-request-id') });
  return ok({ quest });
});
