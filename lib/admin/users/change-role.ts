import 'server-only';
import { canAssignRole, isStaff } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import { actOnUser, forbidden, updateProfile } from './act-on-user';
import type { ChangeRoleInput } from './schemas';
import { managedFields, type AdminUserProfile } from './user-profile';

export interface UserActionResult {
  user: AdminUserProfile;
  /** False when the account already was as asked: nothing written, nothing logged. */
  changed: boolean;
}

/**
 * Changes a user's role (`user.role_change`). Checked here with canAssignRole for a clear message,
 * and again by the profile guard in the database: only a super admin grants or removes admin
 * rights. Nobody changes their own role — a super admin cannot lock themselves out by accident.
 */
export async function changeUserRole(
  session: Session,
  userId: string,
  { role }: ChangeRoleInput,
  requestId: string | null = null,
): Promise<UserActionResult> {
  if (userId === session.user.id) throw forbidden('You cannot change your own role; another super admin has to');
  return actOnUser(session, userId, async (tx, target) => {
    if (!canAssignRole(session.user, target.role, role)) {
      throw forbidden(
        isStaff(target.role) || isStaff(role)
          ? 'Only a super admin grants or removes admin rights'
          : 'Changing roles needs the manage:users permission',
      );
    }
    if (target.role === role) return { user: target, changed: false };
    // An account leaving the staff keeps no admin permission list behind for a later promotion.
    const clearPermissions = isStaff(target.role) && !isStaff(role) && target.adminPermissions !== null;
    const after = await updateProfile(tx, userId, { role, ...(clearPermissions ? { adminPermissions: null } : {}) });
    await recordAdminAction(tx, session, {
      action: 'user.role_change',
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
