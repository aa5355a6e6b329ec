import type { StreakSummary } from '@/lib/streaks/queries';
import { formatCalendarDay, formatWeekday } from './format';

type Day = StreakSummary['heatmap'][number];

const stateOf = (day: Day) => (day.active ? 'learned' : day.frozen ? 'streak freeze used' : 'no learning');

const cellStyle = {
  learned: 'bg-emerald-600',
  'streak freeze used': 'bg-sky-300 ring-1 ring-inset ring-sky-700',
  'no learning': 'bg-slate-200',
} as const;

/**
 * The last 12 weeks as a 7 × 12 table: one row per weekday, one column per week, oldest week on
 * the left. Every cell says its date and state in words ("Mon 3 Nov: learned"), and a sentence
 * above sums it up, so the colours are never the only way to read it.
 */
export function ActivityHeatmap({ days, today }: { days: Day[]; today: string }) {
  const weeks = Math.ceil(days.length / 7);
  const learned = days.filter((d) => d.active).length;
  const frozen = days.filter((d) => !d.active && d.frozen).length;
  const cell = (week: number, weekday: number) => days[week * 7 + weekday];

  return (
    <figure className="min-w-0">
      <figcaption className="text-sm text-slate-700">
        Learned on {learned} of the last {days.length} days
        {frozen ? `; a streak freeze covered ${frozen} ${frozen === 1 ? 'day' : 'days'}` : ''}.
      </figcaption>
      <div className="mt-3 overflow-x-auto">
        <table className="border-separate border-spacing-[3px]">
          <caption className="sr-only">Learning activity, last {weeks} weeks, one row per weekday</caption>
          <thead>
            <tr>
              <td />
              {Array.from({ length: weeks }, (_, week) => {
                const first = cell(week, 0);
                return (
                  <th key={week} scope="col" className="p-0">
                    <span className="sr-only">{first ? `Week of ${formatCalendarDay(first.day)}` : `Week ${week + 1}`}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 7 }, (_, weekday) => {
              const first = cell(0, weekday);
              if (!first) return null;
              return (
                <tr key={weekday}>
                  <th scope="row" className="pr-1 text-left text-[11px] font-normal leading-none text-slate-600">
                    <span aria-hidden="true">{formatWeekday(first.day)}</span>
                    <span className="sr-only">{formatWeekday(first.day, 'long')}</span>
                  </th>
                  {Array.from({ length: weeks }, (_, week) => {
                    const day = cell(week, weekday);
                    if (!day) return <td key={week} />;
                    const state = stateOf(day);
                    const label = `${formatCalendarDay(day.day)}: ${state}${day.day === today ? ' (today)' : ''}`;
                    return (
                      <td key={week} className="p-0" title={label}>
                        <span
                          aria-hidden="true"
                          className={`block size-4 rounded-sm sm:size-5 ${cellStyle[state]} ${
                            day.day === today ? 'outline-2 outline-offset-1 outline-slate-900' : ''
                          }`}
                        />
                        <span className="sr-only">{label}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
        {(Object.keys(cellStyle) as (keyof typeof cellStyle)[]).map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${cellStyle[state]}`} />
            {state[0]!.toUpperCase() + state.slice(1)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
