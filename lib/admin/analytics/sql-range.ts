import { sql, type SQL } from 'drizzle-orm';
import { addDays, type ResolvedRange } from './schemas';

/**
 * The range as half-open instants for SQL: [from 00:00 UTC, the day after `to` 00:00 UTC). Every
 * query compares occurred_at with these two bound values, so the (…, occurred_at) indexes apply
 * and the result never depends on the database session's time zone.
 */
export function rangeBounds(range: Pick<ResolvedRange, 'from' | 'to'>): { start: SQL; end: SQL } {
  return {
    start: sql`${`${range.from}T00:00:00Z`}::timestamptz`,
    end: sql`${`${addDays(range.to, 1)}T00:00:00Z`}::timestamptz`,
  };
}

/** The UTC calendar day of an event, as grouped by every per-day series. */
export const utcDayOf = (column: SQL) => sql`(${column} at time zone 'UTC')::date`;

/** Drivers return counts as number, string or bigint. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** a / b, or null when there is nothing to divide by (shown as "—", never as 0 % or NaN). */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * Events that show a user at the app. subscription_changed is left out: the billing webhook writes
 * it (renewals, retries, cancellations at period end) whether or not the user is there.
 */
export const isActivity = sql`name <> 'subscription_changed'`;
