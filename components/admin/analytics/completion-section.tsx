import Link from 'next/link';
import { TOP_QUESTS, type CompletionMetrics } from '@/lib/admin/analytics/completions';
import { analyticsHref, exportHref } from '@/lib/admin/analytics/links';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import { formatCount, formatPercent } from './format';
import { SectionCard } from './section-card';

/** The most started quests with their completion rate; each links to its funnel. */
export function CompletionSection({ completions, range }: { completions: CompletionMetrics; range: ResolvedRange }) {
  const top = completions.quests.slice(0, TOP_QUESTS);
  return (
    <SectionCard
      id="completion-heading"
      title="Quest completion"
      description={`${formatPercent(completions.rate)} of the ${formatCount(completions.starts)} quest starts in the range were completed by its end. The most started quests:`}
      csvHref={exportHref('completions', range)}
    >
      {top.length ? (
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Completion rate of the most started quests</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Quest</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Starts</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Completed</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Rate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {top.map((q) => (
                <tr key={q.questId}>
                  <th scope="row" className="max-w-64 px-3 py-2 font-normal">
                    <Link href={`${analyticsHref({ ...range, questId: q.questId })}#funnel-heading`} className="break-words text-brand-700 underline hover:text-brand-800">
                      {q.title}
                    </Link>
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(q.starts)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(q.completions)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatPercent(q.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-700">No quest was started in this range.</p>
      )}
    </SectionCard>
  );
}
