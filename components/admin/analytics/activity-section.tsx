import type { ActivityMetrics } from '@/lib/admin/analytics/activity';
import { exportHref } from '@/lib/admin/analytics/links';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import { DataTable } from './data-table';
import { DauChart } from './dau-chart';
import { formatAverage, formatCount, formatDay } from './format';
import { SectionCard } from './section-card';

export function ActivitySection({ activity, range }: { activity: ActivityMetrics; range: ResolvedRange }) {
  const peak = activity.dau.reduce((best, d) => (d.users > best.users ? d : best), activity.dau[0]!);
  const summary = `Line chart of daily active users from ${formatDay(range.from)} to ${formatDay(range.to)}: average ${formatAverage(activity.averageDau)}, highest ${formatCount(peak.users)} on ${formatDay(peak.day)}. Every value is in the data table.`;
  return (
    <SectionCard id="dau-heading" title="Daily active users" description="Distinct users with any activity each UTC day." csvHref={exportHref('dau', range)}>
      <DauChart data={activity.dau} summary={summary} />
      <DataTable caption="Daily active users per day" columns={['Day', 'Active users']} rows={activity.dau.map((d) => [formatDay(d.day), formatCount(d.users)])} />
    </SectionCard>
  );
}
