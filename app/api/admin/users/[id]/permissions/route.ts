import { userIdParam } from '@/lib/admin/users/act-on-user';
import { setPermissionsSchema } from '@/lib/admin/users/schemas';
import { setAdminPermissions } from '@/lib/admin/users/set-admin-permissions';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/** PATCH /api/admin/users/:id/permissions {adminPermissions: string[] | null} → {user, changed} (super admins). */
export const PATCH = withPermission<{ id: string }>('manage:users', async (request, { session, params }) => {
  const userId = await userIdParam(params);
  const body = await parseJsonBody(request, setPermissionsSchema);
  return ok({ ...(await setAdminPermissions(session, userId, body, request.headers.get('x-request-id'))) });
});
