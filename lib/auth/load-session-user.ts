import 'server-only';
import { sql } from 'drizzle-orm';
import { readAsUser, type JwtClaims } from '@/lib/db';
import type { Session } from './types';

interface SessionRow {
  id: string;
  email: string;
  full_name: string | null;
  role: string;
  subscription_tier: string;
  email_verified: boolean;
  time_zone: string;
  leaderboard_opt_in: boolean;
  admin_permissions: string[] | null;
  suspended_at: unknown;
  session_active: boolean;
}

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
  // One statement, so that a request that does not share its transaction (writes, pages) sends
  // its session check in a single network write (readAsUser).
  const [row] = await readAsUser<SessionRow>(
    claims,
    sql`select id, email, full_name, role, subscription_tier, email_verified, time_zone, leaderboard_opt_in,
               admin_permissions, suspended_at,
               ${sessionFamily ? sql`private.session_family_active(${sessionFamily}::uuid)` : sql`true`} as session_active
        from public.profiles where id = ${claims.sub} limit 1`,
  );
  // A suspended account's sessions end at once: every request reads the profile, so the next one fails.
  if (!row || row.suspended_at || !row.session_active) return null;
  return {
    claims,
    user: {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      role: row.role as Session['user']['role'],
      tier: row.subscription_tier === 'premium' ? 'premium' : 'free',
      emailVerified: row.email_verified,
      timeZone: row.time_zone,
      leaderboardOptIn: row.leaderboard_opt_in,
      adminPermissions: row.admin_permissions,
    },
  };
}
