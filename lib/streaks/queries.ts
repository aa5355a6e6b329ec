import 'server-only';
import { sql } from 'drizzle-orm';
import { asUser, queryRows, type JwtClaims, type Tx } from '@/lib/db';
import { addDays, computeStreak } from './compute-streak';

/** The heatmap covers 12 whole weeks. */
export const HEATMAP_DAYS = 84;

export interface StreakSummary {
  current: number;
  longest: number;
  freezesHeld: number;
  /** Today in the learner's time zone, 'YYYY-MM-DD'. */
  today: string;
  timeZone: string;
  /** The last 84 days ending today, oldest first. */
  heatmap: { day: string; active: boolean; frozen: boolean }[];
}

export interface StreakInputs {
  timeZone: string;
  today: string;
  /** Every learning day, ascending. */
  days: string[];
}

/**
 * What a streak is computed from, in one query: the learner's zone, today there (from the
 * database clock, like the days recorded by recordLearningDay) and all their learning days — at
 * most one row per day, so reading them all stays small. Works as the owner or as a server job.
 */
export async function loadStreakInputs(tx: Tx, userId: string): Promise<StreakInputs> {
  const [row] = await queryRows<{ time_zone: string; today: string; days: string[] | null }>(
    tx,
    sql`
      select z.time_zone,
             (now() at time zone z.time_zone)::date::text as today,
             (select array_agg(d.day::text order by d.day)
                from public.learning_days d where d.user_id = ${userId}) as days
      from (select coalesce((select p.time_zone from public.profiles p where p.id = ${userId}), 'UTC') as time_zone) z`,
  );
  if (!row) throw new Error('The streak query returned no row');
  return { timeZone: row.time_zone, today: row.today, days: row.days ?? [] };
}

/** The signed-in learner's streak and 12-week heatmap, read as them (RLS applies). */
export async function streakSummary(claims: JwtClaims): Promise<StreakSummary> {
  const { timeZone, today, days } = await asUser(claims, (tx) => loadStreakInputs(tx, claims.sub));
  const streak = computeStreak(days, today);
  const active = new Set(days);
  const frozen = new Set(streak.frozenDays);
  const heatmap = Array.from({ length: HEATMAP_DAYS }, (_, i) => {
    const day = addDays(today, i - (HEATMAP_DAYS - 1));
    return { day, active: active.has(day), frozen: frozen.has(day) };
  });
  return { current: streak.current, longest: streak.longest, freezesHeld: streak.freezesHeld, today, timeZone, heatmap };
}
