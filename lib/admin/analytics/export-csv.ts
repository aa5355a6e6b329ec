import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { JwtClaims } from '@/lib/db';
import { activityMetrics } from './activity';
import { completionMetrics } from './completions';
import { toCsv, type CsvCell } from './csv';
import { questFunnel } from './funnel';
import { readAsAnalyst } from './read-as-analyst';
import { revenueMetrics } from './revenue';
import type { AnalyticsExportQuery, ExportMetric } from './schemas';
import { sessionMetrics } from './sessions';
import { signupMetrics } from './signups';

export interface CsvExport {
  filename: string;
  csv: string;
}

type Table = { header: string[]; rows: CsvCell[][] };

/** Rates as fractions with four decimals (0.6667), empty when undefined. */
const fraction = (value: number | null): CsvCell => (value === null ? null : Math.round(value * 10_000) / 10_000);

/**
 * One section of the dashboard as CSV, read as the analyst (RLS applies). Figures follow the
 * dashboard's definitions exactly; funnel steps are numbered from 1 as on the page.
 */
export async function exportAnalyticsCsv(claims: JwtClaims, query: AnalyticsExportQuery, now = new Date()): Promise<CsvExport> {
  const table = await readAsAnalyst(claims, async (tx): Promise<Table> => {
    switch (query.metric) {
      case 'dau': {
        const { dau } = await activityMetrics(tx, query);
        return { header: ['day', 'active_users'], rows: dau.map((d) => [d.day, d.users]) };
      }
      case 'signups': {
        const { daily } = await signupMetrics(tx, query);
        return { header: ['day', 'sign_ups'], rows: daily.map((d) => [d.day, d.signups]) };
      }
      case 'completions': {
        const { quests } = await completionMetrics(tx, query);
        return {
          header: ['quest_id', 'quest_title', 'starts', 'completions', 'completion_rate'],
          rows: quests.map((q) => [q.questId, q.title, q.starts, q.completions, fraction(q.rate)]),
        };
      }
      case 'funnel': {
        const funnel = await questFunnel(tx, query, query.questId!);
        if (!funnel) throw new ApiError('NOT_FOUND', 'No quest with this id', { questId: ['No quest with this id'] });
        return {
          header: ['stage', 'step', 'kind', 'title', 'learners_reached', 'learners_answered'],
          rows: [
            ['started', null, null, funnel.title, funnel.started, null],
            ...funnel.steps.map((s): CsvCell[] => ['step', s.position + 1, s.kind, s.title, s.reached, s.answered]),
            ['completed', null, null, funnel.title, funnel.completed, null],
          ],
        };
      }
      case 'sessions': {
        const { daily } = await sessionMetrics(tx, query);
        return {
          header: ['day', 'sessions', 'measured_sessions', 'average_duration_seconds'],
          rows: daily.map((d) => [d.day, d.sessions, d.measured, d.averageSeconds]),
        };
      }
      case 'subscriptions': {
        const { plans } = await revenueMetrics(tx, now);
        return {
          header: ['plan_id', 'plan', 'interval', 'price_cents', 'subscriptions', 'mrr_cents'],
          rows: plans.map((p) => [p.planId, p.name, p.interval, p.priceCents, p.subscriptions, p.mrrCents]),
        };
      }
    }
  });
  return { filename: exportFilename(query.metric, query), csv: toCsv(table.header, table.rows) };
}

/** `workfree-dau-2025-01-01-to-2025-01-30.csv`: only safe characters, nothing from user input but dates. */
export function exportFilename(metric: ExportMetric, range: { from: string; to: string }): string {
  return `workfree-${metric}-${range.from}-to-${range.to}.csv`;
}
