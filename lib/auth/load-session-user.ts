import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { asUser, type JwtClaims } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import type { Session } from './types';

/**
 * Turns verified claims into a session with the user's current profile, read as the user (RLS:
 * owner reads own profile). Role and tier come from the database, not the token, so a change is
 * seen on the next request rather than the next refresh. Null when the profile is gone or suspended.
 *
 * `sessionFamily` (built-in auth): the same statement also asks whether that refresh-token family
 * is still live — logout, "sign out everywhere", password resets and reuse detection revoke it —
 * so the check costs no transaction of its own. Null when it has been revoked.
 */
export async function loadSession(claims: JwtClaims, options: { sessionFamily?: string } = {}): Promise<Session | null> {
  const { sessionFamily } = options;
  const [row] = await asUser(claims, (tx) =>
    tx
      .select({
        id: profiles.id,
        email: profiles.email,
        fullName: profiles.fullName,
        role: profiles.role,
        tier: profiles.subscriptionTier,
        emailVerified: profiles.emailVerified,
        timeZone: profiles.timeZone,
        leaderboardOptIn: profiles.leaderboardOptIn,
        adminPermissions: profiles.adminPermissions,
        suspendedAt: profiles.suspendedAt,
        sessionActive: sessionFamily
          ? sql<boolean>`private.session_family_active(${sessionFamily}::uuid)`
          : sql<boolean>`true`,
      })
      .from(profiles)
      .where(eq(profiles.id, claims.sub))
      .limit(1),
  );
  // A suspended account's sessions end at once: every request reads the profile, so the next one fails.
  if (!row || row.suspendedAt || !row.sessionActive) return null;
  return {
    claims,
    user: {
      id: row.id,
      email: row.email,
      fullName: row.fullName,
      role: row.role as Session['user']['role'],
      tier: row.tier === 'premium' ? 'premium' : 'free',
      emailVerified: row.emailVerified,
      timeZone: row.timeZone,
      leaderboardOptIn: row.leaderboardOptIn,
      adminPermissions: row.adminPermissions,
    },
  };
}
