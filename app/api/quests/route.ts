import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withOptionalUser } from '@/lib/api/route';
import { catalogParamsSchema } from '@/lib/quests/catalog-params';
import { listPublishedQuests } from '@/lib/quests/queries';

/**
 * GET /api/quests?category&difficulty&tier&q&page&limit → {quests, pagination}
 * Published quests only; each says whether the caller may start it and their progress on it.
 */
export const GET = withOptionalUser(async (request, { session }) => {
  const params = parseSearchParams(request.nextUrl, catalogParamsSchema);
  const { quests, pagination } = await listPublishedQuests(session?.claims ?? null, params);
  return ok({ quests, pagination });
});
