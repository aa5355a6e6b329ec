import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { addDays, type ResolvedRange } from './schemas';
import { isActivity, num, rangeBounds } from './sql-range';

/** A gap longer than this between two events of a user starts a new session. */
export const SESSION_GAP_MINUTES = 30;

export interface DailySessions {
  day: string;
  sessions: number;
  /** Sessions with two or more events: the only ones with a measurable duration. */
  measured: number;
  /** Mean duration of the measured sessions in whole seconds; null when none was measured. */
  averageSeconds: number | null;
}

export interface SessionMetrics {
  sessions: number;
  measured: number;
  /** Sessions made of a single event: counted, but left out of the average (no duration to measure). */
  singleEvent: number;
  averageSeconds: number | null;
  /** Per UTC day on which the sessions started, every day of the range. */
  daily: DailySessions[];
}

const average = (seconds: number, measured: number) => (measured > 0 ? Math.round(seconds / measured) : null);

/**
 * Sessions are each user's activity events in the range split wherever more than 30 minutes pass
 * between two consecutive events (exactly 30 minutes still continues the session). A session lasts
 * from its first to its last event, which is the sum of the gaps inside it. One sort by (user,
 * time) feeds two window passes — lag/lead give each event's gaps (an event opens a session when
 * the gap before it is missing or too long; an opener with a close next event starts a measured
 * session), and a running max carries each session's start (its UTC day) to its events — and
 * a group by that day adds them up. Events outside the range are not read, so a session crossing
 * the range's edges is cut there.
 */
export async function sessionMetrics(tx: Tx, range: ResolvedRange): Promise<SessionMetrics> {
  const { start, end } = rangeBounds(range);
  const gap = sql`make_interval(mins => ${SESSION_GAP_MINUTES})`;
  const rows = await queryRows<{ day: string | null; sessions: unknown; measured: unknown; seconds: unknown }>(
    tx,
    sql`with gaps as (
          select user_id, occurred_at,
                 occurred_at - lag(occurred_at) over w as since_previous,
                 lead(occurred_at) over w - occurred_at as until_next
            from public.analytics_events
           where occurred_at >= ${start} and occurred_at < ${end} and user_id is not null and ${isActivity}
          window w as (partition by user_id order by occurred_at)
        ), marked as (
          select user_id, occurred_at, since_previous, until_next,
                 since_previous is null or since_previous > ${gap} as opens
            from gaps
        ), placed as (
          select opens, since_previous, until_next,
                 (max(case when opens then occurred_at end)
                    over (partition by user_id order by occurred_at rows unbounded preceding) at time zone 'UTC')::date as day
            from marked
        )
        select to_char(day, 'YYYY-MM-DD') as day,
               count(*) filter (where opens) as sessions,
               count(*) filter (where opens and until_next <= ${gap}) as measured,
               coalesce(extract(epoch from sum(since_previous) filter (where not opens)), 0) as seconds
          from placed
         group by grouping sets ((day), ())`,
  );

  const byDay = new Map<string, DailySessions>();
  let total = { sessions: 0, measured: 0, seconds: 0 };
  for (const row of rows) {
    const sessions = num(row.sessions);
    const measured = num(row.measured);
    const seconds = num(row.seconds);
    if (row.day === null) total = { sessions, measured, seconds };
    else byDay.set(row.day, { day: row.day, sessions, measured, averageSeconds: average(seconds, measured) });
  }
  return {
    sessions: total.sessions,
    measured: total.measured,
    singleEvent: total.sessions - total.measured,
    averageSeconds: average(total.seconds, total.measured),
    daily: Array.from({ length: range.days }, (_, i) => {
      const day = addDays(range.from, i);
      return byDay.get(day) ?? { day, sessions: 0, measured: 0, averageSeconds: null };
    }),
  };
}
