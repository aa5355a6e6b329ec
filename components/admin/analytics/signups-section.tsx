import type { SignupMetrics } from '@/lib/admin/analytics/signups';
import { exportHref } from '@/lib/admin/analytics/links';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import { DataTable } from './data-table';
import { formatCount, formatDay } from './format';
import { SectionCard } from './section-card';
import { SignupsChart } from './signups-chart';

export function SignupsSection({ signups, range }: { signups: SignupMetrics; range: ResolvedRange }) {
  const summary = `Bar chart of sign-ups per day from ${formatDay(range.from)} to ${formatDay(range.to)}: ${formatCount(signups.total)} in total. Every value is in the data table.`;
  return (
    <SectionCard id="signups-heading" title="Sign-ups" description={`${formatCount(signups.total)} new ${signups.total === 1 ? 'account' : 'accounts'} in the range.`} csvHref={exportHref('signups', range)}>
      <SignupsChart data={signups.daily} summary={summary} />
      <DataTable caption="Sign-ups per day" columns={['Day', 'Sign-ups']} rows={signups.daily.map((d) => [formatDay(d.day), formatCount(d.signups)])} />
    </SectionCard>
  );
}
