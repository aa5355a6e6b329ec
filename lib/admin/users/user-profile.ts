import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import type { AppRole } from '@/lib/db/claims';
import { profiles } from '@/lib/db/schema';

/** A profile as the admin area shows it (never the password hash, which lives in auth.users). */
export interface AdminUserProfile {
  id: string;
  email: string;
  fullName: string | null;
  avatarUrl: string | null;
  role: AppRole;
  tier: 'free' | 'premium';
  subscriptionStatus: string;
  emailVerified: boolean;
  timeZone: string;
  /** null = every admin permission (only meaningful for role admin). */
  adminPermissions: string[] | null;
  /** ISO 8601 times. */
  createdAt: string;
  lastLoginAt: string | null;
  suspendedAt: string | null;
  suspendedReason: string | null;
}

export const profileColumns = {
  id: profiles.id,
  email: profiles.email,
  fullName: profiles.fullName,
  avatarUrl: profiles.avatarUrl,
  role: profiles.role,
  tier: profiles.subscriptionTier,
  subscriptionStatus: profiles.subscriptionStatus,
  emailVerified: profiles.emailVerified,
  timeZone: profiles.timeZone,
  adminPermissions: profiles.adminPermissions,
  createdAt: profiles.createdAt,
  lastLoginAt: profiles.lastLoginAt,
  suspendedAt: profiles.suspendedAt,
  suspendedReason: profiles.suspendedReason,
};

type ProfileRow = Pick<
  typeof profiles.$inferSelect,
  'id' | 'email' | 'fullName' | 'avatarUrl' | 'role' | 'subscriptionStatus' | 'emailVerified' | 'timeZone' | 'adminPermissions' | 'createdAt' | 'lastLoginAt' | 'suspendedAt' | 'suspendedReason'
> & { tier: string };

export function toAdminUserProfile(row: ProfileRow): AdminUserProfile {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    avatarUrl: row.avatarUrl,
    role: row.role as AppRole,
    tier: row.tier === 'premium' ? 'premium' : 'free',
    subscriptionStatus: row.subscriptionStatus,
    emailVerified: row.emailVerified,
    timeZone: row.timeZone,
    adminPermissions: row.adminPermissions,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    suspendedReason: row.suspendedReason,
  };
}

/**
 * One profile, read in the caller's transaction (RLS: admins read every profile). `lock` takes a
 * row lock so two admins acting on the same user at once are serialized and each sees the other's
 * change (the second suspend finds the account already suspended).
 */
export async function readProfile(tx: Tx, userId: string, options: { lock?: boolean } = {}): Promise<AdminUserProfile | null> {
  const query = tx.select(profileColumns).from(profiles).where(eq(profiles.id, userId)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? toAdminUserProfile(row) : null;
}

/** What an audit entry keeps of a user before and after an action: the fields admins manage. */
export function managedFields(profile: AdminUserProfile) {
  return {
    role: profile.role,
    adminPermissions: profile.adminPermissions,
    suspendedAt: profile.suspendedAt,
    suspendedReason: profile.suspendedReason,
  };
}
