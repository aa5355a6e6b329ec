import 'server-only';
import { eq } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asUser, type Tx } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { profiles } from '@/lib/db/schema';
import { profileColumns, readProfile, toAdminUserProfile, type AdminUserProfile } from './user-profile';

export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
export const userNotFound = () => new ApiError('NOT_FOUND', 'No such user');

/** Postgres' insufficient_privilege, wherever the driver or Drizzle put it, with its message. */
function privilegeError(error: unknown): { message: string } | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '42501') return { message: String((e as { message?: unknown }).message ?? '') };
  }
  return null;
}

/**
 * The profile guard's own refusals ("only a super_admin grants or removes admin rights", …) are
 * written for people and name the rule, so they are passed on; other refusals (RLS) get a plain one.
 */
function databaseRefusal(error: unknown): ApiError | null {
  const refusal = privilegeError(error);
  if (!refusal) return null;
  const guardMessage = /^(only|nobody) [a-z_ ]+$/i.test(refusal.message);
  return forbidden(guardMessage ? `Refused: ${refusal.message}` : 'You are not allowed to change this account');
}

/**
 * Runs an admin action on one user, as the admin (RLS and the profile guard apply), in one
 * transaction with the target's row locked. A refusal by the database becomes a 403 and rolls back
 * everything, the audit entry included.
 */
export async function actOnUser<T>(
  session: Session,
  userId: string,
  act: (tx: Tx, target: AdminUserProfile) => Promise<T>,
): Promise<T> {
  try {
    return await asUser(session.claims, async (tx) => {
      const target = await readProfile(tx, userId, { lock: true });
      if (!target) {
        // FOR UPDATE skips rows the caller may not update (RLS); tell that apart from no such user.
        if (await readProfile(tx, userId)) throw forbidden('You are not allowed to change this account');
        throw userNotFound();
      }
      return act(tx, target);
    });
  } catch (error) {
    throw databaseRefusal(error) ?? error;
  }
}

/** Writes admin-managed profile fields; RLS silently skipping the row is a refusal too. */
export async function updateProfile(
  tx: Tx,
  userId: string,
  set: Partial<Pick<typeof profiles.$inferInsert, 'role' | 'adminPermissions' | 'suspendedAt' | 'suspendedReason'>>,
): Promise<AdminUserProfile> {
  const [row] = await tx.update(profiles).set(set).where(eq(profiles.id, userId)).returning(profileColumns);
  if (!row) throw forbidden('You are not allowed to change this account');
  return toAdminUserProfile(row);
}

/** The `:id` of a user route; anything that is not a user id is a user that does not exist. */
export async function userIdParam(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw userNotFound();
  return id.toLowerCase();
}
