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
          <dd className="mt-0.5 flex items-center justify-center gap-1 font-bold text-slate-900">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-amber-600" fill="currentColor">
              <path d="M10.3 1.5c.4 2.6-.9 4.2-2.3 5.7C6.6 8.7 5 10.3 5 12.9 5 16 7.3 18.5 10 18.5s5-2.3 5-5.4c0-2.3-1-3.9-2.1-5.1.1 1.4-.4 2.6-1.5 3.1.4-3.4-.5-7.1-1.1-9.6z" />
            </svg>
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
