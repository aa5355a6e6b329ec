import { userIdParam } from '@/lib/admin/users/act-on-user';
import { reinstateUser } from '@/lib/admin/users/suspend-user';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** POST /api/admin/users/:id/reinstate → {user, sessionsEnded}. The user signs in again afterwards. */
export const POST = withPermission<{ id: string }>('manage:users', async (request, { session, params }) => {
  const userId = await userIdParam(params);
  return ok({ ...(await reinstateUser(session, userId, request.headers.get('x-request-id'))) });
});
