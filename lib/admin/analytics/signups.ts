import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/lib/db';
import { addDays, type ResolvedRange } from './schemas';
import { num, rangeBounds, utcDayOf } from './sql-range';

export interface DailySignups {
  day: string;
  signups: number;
}

export interface SignupMetrics {
  /** Every day of the range, days without sign-ups included (0). */
  daily: DailySignups[];
  total: number;
}

/** Sign-ups per UTC day: `sign_up` events, one per account created (index: name, occurred_at). */
export async function signupMetrics(tx: Tx, range: ResolvedRange): Promise<SignupMetrics> {
  const { start, end } = rangeBounds(range);
  const rows = await queryRows<{ day: string; signups: unknown }>(
    tx,
    sql`select to_char(${utcDayOf(sql`occurred_at`)}, 'YYYY-MM-DD') as day, count(*) as signups
          from public.analytics_events
         where name = 'sign_up' and occurred_at >= ${start} and occurred_at < ${end}
         group by 1`,
  );
  const byDay = new Map(rows.map((row) => [row.day, num(row.signups)]));
  const daily = Array.from({ length: range.days }, (_, i) => {
    const day = addDays(range.from, i);
    return { day, signups: byDay.get(day) ?? 0 };
  });
  return { daily, total: daily.reduce((sum, d) => sum + d.signups, 0) };
}
