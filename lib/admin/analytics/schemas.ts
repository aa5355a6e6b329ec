import { z } from 'zod';

/** The longest range the dashboard answers for: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;
/** With no dates given, the dashboard shows the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
/** Quick picks offered next to the date inputs. */
export const RANGE_PRESETS = [7, 30, 90] as const;

export const EXPORT_METRICS = ['dau', 'signups', 'completions', 'funnel', 'sessions', 'subscriptions'] as const;
export type ExportMetric = (typeof EXPORT_METRICS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day 'YYYY-MM-DD' as midnight UTC. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A Date's calendar day in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(dayStart(day).getTime() + days * DAY_MS));
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS) + 1;
}

/** The last `days` days ending today (UTC), today included. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

// A cleared date input or picker sends an empty value: that means "not given", not "invalid".
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const day = z.preprocess(blankToUndefined, z.iso.date('must be a date written YYYY-MM-DD').optional());
const questId = z.preprocess(blankToUndefined, z.guid('must be a quest id (a UUID)').optional());

export interface ResolvedRange {
  /** First day, 'YYYY-MM-DD' (UTC). */
  from: string;
  /** Last day, included. */
  to: string;
  days: number;
  questId: string | null;
}

const rangeFields = { from: day, to: day, questId };

/**
 * Resolves a reporting range in whole UTC days, both ends included. Missing ends default to the
 * last 30 days (a lone `from` runs 30 days forward, a lone `to` 30 days back); `from` after `to`
 * or more than 366 days are refused, naming the field.
 */
function resolveRange(input: { from?: string; to?: string; questId?: string }, ctx: z.RefinementCtx): ResolvedRange | null {
  const fallback = lastDays(DEFAULT_RANGE_DAYS);
  const to = input.to ?? (input.from ? addDays(input.from, DEFAULT_RANGE_DAYS - 1) : fallback.to);
  const from = input.from ?? (input.to ? addDays(input.to, -(DEFAULT_RANGE_DAYS - 1)) : fallback.from);
  if (from > to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be on or before the end date' });
    return null;
  }
  const days = daysBetween(from, to);
  if (days > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_RANGE_DAYS} days after the start date` });
    return null;
  }
  return { from, to, days, questId: input.questId ?? null };
}

/** The dashboard's input: the page's URL, GET /api/admin/analytics and the tests share it. */
export const analyticsQuerySchema = z.object(rangeFields).transform((input, ctx) => resolveRange(input, ctx) ?? z.NEVER);
export type AnalyticsQuery = ResolvedRange;

/** GET /api/admin/analytics/export: the same range plus which table to download. */
export const analyticsExportSchema = z
  .object({ ...rangeFields, metric: z.enum(EXPORT_METRICS, { error: `must be one of ${EXPORT_METRICS.join(', ')}` }) })
  .transform((input, ctx) => {
    if (input.metric === 'funnel' && !input.questId) {
      ctx.addIssue({ code: 'custom', path: ['questId'], message: 'is required for the funnel export' });
      return z.NEVER;
    }
    const range = resolveRange(input, ctx);
    return range ? { ...range, metric: input.metric } : z.NEVER;
  });
export type AnalyticsExportQuery = z.output<typeof analyticsExportSchema>;
