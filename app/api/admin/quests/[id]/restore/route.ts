import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { restoreQuest } from '@/lib/admin/quests/lifecycle';

/** POST /api/admin/quests/:id/restore → {quest}: an archived quest back to a draft. */
export const POST = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const quest = await restoreQuest(session, (await params).id, { requestId: request.headers.get('x-request-id') });
  return ok({ quest });
});
