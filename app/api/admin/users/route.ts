import { listUsers } from '@/lib/admin/users/list-users';
import { userListParamsSchema } from '@/lib/admin/users/schemas';
import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** GET /api/admin/users?q&role&tier&status&sort&page → {users, pagination} (manage:users). */
export const GET = withPermission('manage:users', async (request, { session }) => {
  const params = parseSearchParams(request.nextUrl, userListParamsSchema);
  return ok({ ...(await listUsers(session, params)) });
});
