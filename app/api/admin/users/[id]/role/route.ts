import { userIdParam } from '@/lib/admin/users/act-on-user';
import { changeUserRole } from '@/lib/admin/users/change-role';
import { changeRoleSchema } from '@/lib/admin/users/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** PATCH /api/admin/users/:id/role {role} → {user, changed}. Only super admins touch admin rights. */
export const PATCH = withPermission<{ id: string }>('manage:users', async (request, { session, params }) => {
  const userId = await userIdParam(params);
  const body = await parseJsonBody(request, changeRoleSchema);
  return ok({ ...(await changeUserRole(session, userId, body, request.headers.get('x-request-id'))) });
});
