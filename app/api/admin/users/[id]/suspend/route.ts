import { userIdParam } from '@/lib/admin/users/act-on-user';
import { suspendSchema } from '@/lib/admin/users/schemas';
import { suspendUser } from '@/lib/admin/users/suspend-user';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** POST /api/admin/users/:id/suspend {reason} → {user, sessionsEnded}. Their sessions end at once. */
export const POST = withPermission<{ id: string }>('manage:users', async (request, { session, params }) => {
  const userId = await userIdParam(params);
  const body = await parseJsonBody(request, suspendSchema);
  return ok({ ...(await suspendUser(session, userId, body, request.headers.get('x-request-id'))) });
});
