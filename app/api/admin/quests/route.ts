import { parseJsonBody, parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { listAdminQuests } from '@/lib/admin/quests/queries';
import { createQuest } from '@/lib/admin/quests/save-quest';
import { MAX_QUEST_BODY_BYTES, questEditorSchema, questListQuerySchema } from '@/lib/admin/quests/schemas';

/**
 * GET /api/admin/quests?q&category&difficulty&tier&status&page&limit → {quests, pagination}
 * Every quest (drafts, published, archived) for the authoring list.
 */
export const GET = withPermission('update:quests', async (request, { session }) => {
  const query = parseSearchParams(request.nextUrl, questListQuerySchema);
  return ok({ ...(await listAdminQuests(session, query)) });
});

/** POST /api/admin/quests {quest editor body} → 201 {quest}: a new draft. */
export const POST = withPermission('create:quests', async (request, { session }) => {
  const input = await parseJsonBody(request, questEditorSchema, { maxBytes: MAX_QUEST_BODY_BYTES });
  const quest = await createQuest(session, input, { requestId: request.headers.get('x-request-id') });
  return ok({ quest }, { status: 201 });
});
