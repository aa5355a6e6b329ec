import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { publishQuest } from '@/lib/admin/quests/lifecycle';

/** POST /api/admin/quests/:id/publish → {quest}: live in the catalog; 400 naming what blocks it. */
export const POST = withPermission<{ id: string }>('update:quests', async (request, { params, session }) => {
  const quest = await publishQuest(session, (await params).id, { requestId: request.headers.get('x-request-id') });
  return ok({ quest });
});
