import 'server-only';
import { sql } from 'drizzle-orm';
import { asUser, queryRows, type JwtClaims } from '@/lib/db';

/** The board never lists more than this many learners. */
export const LEADERBOARD_MAX_LIMIT = 100;

export interface LeaderboardEntry {
  rank: number;
  displayName: string;
  xp: number;
  isMe: boolean;
}

export interface WeeklyLeaderboard {
  entries: LeaderboardEntry[];
  me: { rank: number | null; xp: number; optedIn: boolean };
  /** ISO 8601: Monday 00:00 UTC of the current week. */
  weekStartsAt: string;
}

type Numeric = number | string | bigint;

/**
 * This week's board and the caller's own line, read as the caller through the SECURITY DEFINER
 * functions of migration 0010 (the ledger itself stays private). One transaction, so all three
 * reads share now() and agree on which week it is.
 */
export async function weeklyLeaderboard(claims: JwtClaims, limit = 50): Promise<WeeklyLeaderboard> {
  const bounded = Math.min(Math.max(Math.floor(Number.isFinite(limit) ? limit : 50), 1), LEADERBOARD_MAX_LIMIT);
  return asUser(claims, async (tx) => {
    // Sent together on the transaction's connection: one round trip instead of three.
    const [rows, [mine], [week]] = await Promise.all([
      queryRows<{ rank: Numeric; user_id: string; display_name: string; xp: Numeric }>(
        tx,
        sql`select rank, user_id, display_name, xp from public.weekly_leaderboard(${bounded}::integer)`,
      ),
      queryRows<{ rank: Numeric | null; xp: Numeric; opted_in: boolean }>(tx, sql`select rank, xp, opted_in from public.my_weekly_rank()`),
      queryRows<{ starts_at: string }>(
        tx,
        sql`select to_char(date_trunc('week', now() at time zone 'utc'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as starts_at`,
      ),
    ]);
    return {
      entries: rows.map((row) => ({
        rank: Number(row.rank),
        displayName: row.display_name,
        xp: Number(row.xp),
        isMe: row.user_id === claims.sub,
      })),
      me: {
        rank: mine?.rank == null ? null : Number(mine.rank),
        xp: Number(mine?.xp ?? 0),
        optedIn: mine?.opted_in ?? false,
      },
      weekStartsAt: week?.starts_at ?? '',
    };
  });
}
