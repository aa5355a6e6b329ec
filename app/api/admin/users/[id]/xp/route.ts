import { userIdParam, userNotFound } from '@/lib/admin/users/act-on-user';
import { xpPageParamsSchema } from '@/lib/admin/users/schemas';
import { getXpLedgerPage } from '@/lib/admin/users/user-detail';
import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** GET /api/admin/users/:id/xp?cursor → {entries, nextCursor}: the XP ledger, newest first. */
export const GET = withPermission<{ id: string }>('manage:users', async (request, { session, params }) => {
  const userId = await userIdParam(params);
  const { cursor } = parseSearchParams(request.nextUrl, xpPageParamsSchema);
  const page = await getXpLedgerPage(session, userId, cursor);
  if (!page) throw userNotFound();
  return ok({ ...page });
});
