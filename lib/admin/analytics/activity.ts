import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { addDays, type ResolvedRange } from './schemas';
import { isActivity, num, rangeBounds, ratio, utcDayOf } from './sql-range';

/** MAU counts the learners active in this many days ending on the range's last day. */
export const MAU_WINDOW_DAYS = 30;

export interface DailyActive {
  day: string;
  users: number;
}

export interface ActivityMetrics {
  /** Every day of the range, days without events included (0). */
  dau: DailyActive[];
  /** Mean of the DAU series over the range's days. */
  averageDau: number;
  /** Distinct users with any activity event in the 30 days ending on `to`. */
  mau: number;
  /** Average DAU over the same 30 days as MAU, divided by MAU; null without active users. */
  dauMauRatio: number | null;
  /** Activity events in the range (0 → the dashboard shows its empty state). */
  events: number;
}

/**
 * DAU, MAU and their ratio in one statement over the range plus the MAU window: first each user's
 * days (hashed, so many events of a user on one day become one row), then users per day, and the
 * distinct users of the MAU window's days.
 */
export async function activityMetrics(tx: Tx, range: ResolvedRange): Promise<ActivityMetrics> {
  const mauFrom = addDays(range.to, -(MAU_WINDOW_DAYS - 1));
  const scanFrom = mauFrom < range.from ? mauFrom : range.from;
  const { start, end } = rangeBounds({ from: scanFrom, to: range.to });
  const rows = await queryRows<{ day: string | null; users: unknown; events: unknown }>(
    tx,
    sql`with user_days as (
          select ${utcDayOf(sql`occurred_at`)} as day, user_id, count(*) as events
            from public.analytics_events
           where occurred_at >= ${start} and occurred_at < ${end} and ${isActivity}
           group by 1, 2
        )
        select to_char(day, 'YYYY-MM-DD') as day, count(user_id) as users, sum(events) as events
          from user_days group by day
        union all
        select null, count(*), null
          from (select distinct user_id from user_days where day >= ${mauFrom}::date and user_id is not null) mau_users`,
  );

  const byDay = new Map<string, { users: number; events: number }>();
  let mau = 0;
  for (const row of rows) {
    if (row.day === null) mau = num(row.users);
    else byDay.set(row.day, { users: num(row.users), events: num(row.events) });
  }
  const dau: DailyActive[] = [];
  let events = 0;
  for (let i = 0; i < range.days; i++) {
    const day = addDays(range.from, i);
    dau.push({ day, users: byDay.get(day)?.users ?? 0 });
    events += byDay.get(day)?.events ?? 0;
  }
  let windowUserDays = 0;
  for (let i = 0; i < MAU_WINDOW_DAYS; i++) windowUserDays += byDay.get(addDays(mauFrom, i))?.users ?? 0;
  return {
    dau,
    averageDau: dau.reduce((sum, d) => sum + d.users, 0) / range.days,
    mau,
    dauMauRatio: ratio(windowUserDays / MAU_WINDOW_DAYS, mau),
    events,
  };
}
