import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { unpublishQuest } from '@/lib/admin/quests/lifecycle';

/** POST /api/admin/quests/:id/unpublish → {quest}: back to a draft (learners keep their progress). */
export const POST = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const quest = await unpublishQuest(session, (await params).id, { requestId: request.headers.get('x-request-id') });
  return ok({ quest });
});
