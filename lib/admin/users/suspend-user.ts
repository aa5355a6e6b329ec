import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { isStaff } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { recordAdminAction } from '@/lib/audit/record-admin-action';
import { asUser } from '@/lib/db';
import { actOnUser, forbidden, updateProfile, userNotFound } from './act-on-user';
import { endUserSessions, setSupabaseBan } from './end-sessions';
import type { SuspendInput } from './schemas';
import { managedFields, readProfile, type AdminUserProfile } from './user-profile';

export interface SuspensionResult {
  user: AdminUserProfile;
  /** Whether every stored session was revoked too (false: logged; requests are refused anyway). */
  sessionsEnded: boolean;
}

/** The rules the profile guard enforces, checked first so the admin reads why. */
function assertMaySuspend(session: Session, target: AdminUserProfile, verb: 'suspend' | 'reinstate') {
  if (target.id === session.user.id) throw forbidden(`You cannot ${verb} your own account`);
  if (isStaff(target.role) && session.user.role !== 'super_admin') {
    throw forbidden(`Only a super admin can ${verb} an admin`);
  }
}

/**
 * Suspends an account (`user.suspend`). The suspension and its audit entry commit together, as
 * the admin; from then on every request of that user is refused (loadSession reads the profile),
 * sign-in answers ACCOUNT_SUSPENDED, and their stored sessions are revoked right after.
 */
export async function suspendUser(session: Session, userId: string, { reason }: SuspendInput, requestId: string | null = null): Promise<SuspensionResult> {
  if (userId === session.user.id) throw forbidden('You cannot suspend your own account');
  const user = await actOnUser(session, userId, async (tx, target) => {
    assertMaySuspend(session, target, 'suspend');
    if (target.suspendedAt) throw new ApiError('CONFLICT', 'This account is already suspended');
    const after = await updateProfile(tx, userId, { suspendedAt: new Date(), suspendedReason: reason });
    await recordAdminAction(tx, session, {
      action: 'user.suspend',
      targetType: 'user',
      targetId: userId,
      targetLabel: target.email,
      before: managedFields(target),
      after: managedFields(after),
      requestId,
    });
    return after;
  });
  // After the commit: a service job cannot join the admin's transaction. If it fails, the account
  // is still suspended, and reinstating revokes again before it lifts the suspension.
  const sessionsEnded = await endUserSessions(userId, 'admin-suspend-revoke-sessions');
  return { user, sessionsEnded };
}

/**
 * Lifts a suspension (`user.reinstate`). Stored sessions are revoked first — while the account is
 * still suspended nobody can sign in to it, so this ends exactly the sessions from before — and
 * the user signs in again afterwards.
 */
export async function reinstateUser(session: Session, userId: string, requestId: string | null = null): Promise<SuspensionResult> {
  if (userId === session.user.id) throw forbidden('You cannot reinstate your own account');
  const current = await asUser(session.claims, (tx) => readProfile(tx, userId));
  if (!current) throw userNotFound();
  assertMaySuspend(session, current, 'reinstate');
  if (!current.suspendedAt) throw new ApiError('CONFLICT', 'This account is not suspended');
  const revoked = await endUserSessions(userId, 'admin-reinstate-revoke-sessions');

  const user = await actOnUser(session, userId, async (tx, target) => {
    assertMaySuspend(session, target, 'reinstate');
    if (!target.suspendedAt) throw new ApiError('CONFLICT', 'This account is not suspended');
    const after = await updateProfile(tx, userId, { suspendedAt: null, suspendedReason: null });
    await recordAdminAction(tx, session, {
      action: 'user.reinstate',
      targetType: 'user',
      targetId: userId,
      targetLabel: target.email,
      before: managedFields(target),
      after: managedFields(after),
      requestId,
    });
    return after;
  });
  const unbanned = await setSupabaseBan(userId, false);
  return { user, sessionsEnded: revoked && unbanned };
}
