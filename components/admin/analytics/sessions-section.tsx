import { exportHref } from '@/lib/admin/analytics/links';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import type { SessionMetrics } from '@/lib/admin/analytics/sessions';
import { DataTable } from './data-table';
import { formatCount, formatDay, formatSeconds } from './format';
import { SectionCard } from './section-card';

export function SessionsSection({ sessions, range }: { sessions: SessionMetrics; range: ResolvedRange }) {
  return (
    <SectionCard
      id="sessions-heading"
      title="Sessions"
      description="A session ends after 30 minutes without activity. Single-event sessions have no length and are not averaged."
      csvHref={exportHref('sessions', range)}
    >
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {[
          ['Sessions', formatCount(sessions.sessions)],
          ['Measured', formatCount(sessions.measured)],
          ['Single-event', formatCount(sessions.singleEvent)],
          ['Average length', formatSeconds(sessions.averageSeconds)],
        ].map(([term, value]) => (
          <div key={term} className="rounded-lg bg-slate-50 p-3">
            <dt className="text-slate-600">{term}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        caption="Sessions per day they started"
        columns={['Day', 'Sessions', 'Measured', 'Average length']}
        rows={sessions.daily.map((d) => [formatDay(d.day), formatCount(d.sessions), formatCount(d.measured), formatSeconds(d.averageSeconds)])}
      />
    </SectionCard>
  );
}
