import Link from 'next/link';
import { analyticsHref } from '@/lib/admin/analytics/links';
import { MAX_RANGE_DAYS, RANGE_PRESETS, lastDays, type ResolvedRange } from '@/lib/admin/analytics/schemas';
import { TIME_ZONE_NOTE } from '@/lib/admin/analytics/definitions';

const control =
  'mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const preset =
  'inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-800 aria-[current=true]:ring-brand-300';

/**
 * The date range as a GET form and preset links, so the range lives in the URL (shareable,
 * back-button friendly) and works without JavaScript. The chosen quest is kept.
 */
export function RangePicker({ range, today }: { range: ResolvedRange; today: string }) {
  return (
    <section aria-labelledby="range-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="range-heading" className="sr-only">
        Date range
      </h2>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <nav aria-label="Quick date ranges">
          <ul className="flex flex-wrap gap-2">
            {RANGE_PRESETS.map((days) => {
              const target = lastDays(days, new Date(`${today}T12:00:00Z`));
              const current = target.from === range.from && target.to === range.to;
              return (
                <li key={days}>
                  <Link href={analyticsHref({ ...target, questId: range.questId })} aria-current={current ? 'true' : undefined} className={preset}>
                    Last {days} days
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form action="/admin/analytics" method="get" aria-label="Custom date range" className="grid grid-cols-2 gap-3 sm:flex sm:items-end">
          <div>
            <label htmlFor="analytics-from" className="block text-sm font-medium text-slate-900">
              From (UTC)
            </label>
            <input id="analytics-from" name="from" type="date" required defaultValue={range.from} max={today} className={control} />
          </div>
          <div>
            <label htmlFor="analytics-to" className="block text-sm font-medium text-slate-900">
              To (UTC, included)
            </label>
            <input id="analytics-to" name="to" type="date" required defaultValue={range.to} className={control} />
          </div>
          {range.questId ? <input type="hidden" name="questId" value={range.questId} /> : null}
          <button
            type="submit"
            className="col-span-2 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Apply
          </button>
        </form>
      </div>
      <p className="mt-3 text-sm text-slate-600">
        {TIME_ZONE_NOTE} Up to {MAX_RANGE_DAYS} days.
      </p>
    </section>
  );
}
