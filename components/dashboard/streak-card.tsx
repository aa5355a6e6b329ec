import type { StreakSummary } from '@/lib/streaks/queries';
import { ActivityHeatmap } from './activity-heatmap';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function StreakCard({ streak }: { streak: StreakSummary }) {
  return (
    <section aria-labelledby="streak-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="streak-heading" className="text-lg font-semibold">
        Streak
      </h2>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        <div className="rounded-lg bg-amber-50 p-2 ring-1 ring-amber-200">
          <dt className="text-xs font-medium text-amber-900">Current</dt>
          <dd className="mt-0.5 font-bold text-slate-900">
            <span aria-hidden="true">🔥 </span>
            {days(streak.current)}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-2 ring-1 ring-slate-200">
          <dt className="text-xs font-medium text-slate-700">Longest</dt>
          <dd className="mt-0.5 font-bold text-slate-900">{days(streak.longest)}</dd>
        </div>
        <div className="rounded-lg bg-sky-50 p-2 ring-1 ring-sky-200">
          <dt className="text-xs font-medium text-sky-900">Freezes held</dt>
          <dd className="mt-0.5 font-bold text-slate-900">{streak.freezesHeld}</dd>
        </div>
      </dl>
      <h3 className="mt-5 text-sm font-semibold text-slate-900">Last 12 weeks</h3>
      <div className="mt-1">
        <ActivityHeatmap days={streak.heatmap} today={streak.today} />
      </div>
      <p className="mt-3 text-xs text-slate-600">Days follow your time zone ({streak.timeZone}).</p>
    </section>
  );
}
