import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { ADMIN_PERMISSIONS } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import { actOnUser, forbidden, updateProfile } from './act-on-user';
import type { UserActionResult } from './change-role';
import type { SetPermissionsInput } from './schemas';
import { managedFields } from './user-profile';

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((p) => b.includes(p));

/**
 * Narrows (or widens) what an admin may do (`user.permissions_change`): super admins only, checked
 * here and by the profile guard. null gives every admin permission; [] leaves the admin none.
 */
export async function setAdminPermissions(
  session: Session,
  userId: string,
  { adminPermissions }: SetPermissionsInput,
  requestId: string | null = null,
): Promise<UserActionResult> {
  if (session.user.role !== 'super_admin') throw forbidden('Only a super admin sets an admin’s permissions');
  // Kept in the one canonical order, so the log and the UI read the same whatever order was sent.
  const list = adminPermissions === null ? null : ADMIN_PERMISSIONS.filter((p) => adminPermissions.includes(p));
  return actOnUser(session, userId, async (tx, target) => {
    if (target.role !== 'admin') {
      throw new ApiError('CONFLICT', `Permissions apply to admins only; this account’s role is ${target.role.replace('_', ' ')}`);
    }
    if (sameList(target.adminPermissions, list)) return { user: target, changed: false };
    const after = await updateProfile(tx, userId, { adminPermissions: list });
    await recordAdminAction(tx, session, {
      action: 'user.permissions_change',
      targetType: 'user',
      targetId: userId,
      targetLabel: target.email,
      before: managedFields(target),
      after: managedFields(after),
      requestId,
    });
    return { user: after, changed: true };
  });
}
