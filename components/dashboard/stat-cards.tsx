import type { ProgressStats } from '@/lib/progress/queries';
import { formatDuration, formatNumber } from './format';

export function StatCards({ stats }: { stats: ProgressStats }) {
  const items: [string, string][] = [
    ['Total XP', formatNumber(stats.totalXP)],
    ['Quests completed', formatNumber(stats.completedQuests)],
    ['Average score', stats.completedQuests > 0 ? `${stats.averageScore}%` : '—'],
    ['Time spent', formatDuration(stats.totalTimeSpent)],
  ];
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading" className="sr-only">
        Your stats
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {items.map(([term, value]) => (
          <div key={term} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{term}</dt>
            <dd className="mt-1 text-2xl font-bold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
