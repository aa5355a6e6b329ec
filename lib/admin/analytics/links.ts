import type { ExportMetric } from './schemas';

/** URLs of the dashboard and its CSV exports. Plain functions: pages and components share them. */
export interface RangeLink {
  from: string;
  to: string;
  questId?: string | null;
}

function query(range: RangeLink, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...extra });
  if (range.questId) params.set('questId', range.questId);
  return params.toString();
}

export const analyticsHref = (range: RangeLink) => `/admin/analytics?${query(range)}`;

export const exportHref = (metric: ExportMetric, range: RangeLink) =>
  `/api/admin/analytics/export?${query(metric === 'funnel' ? range : { from: range.from, to: range.to }, { metric })}`;
