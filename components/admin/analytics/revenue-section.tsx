import { exportHref } from '@/lib/admin/analytics/links';
import type { RevenueMetrics } from '@/lib/admin/analytics/revenue';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import { formatCount, formatMoney } from './format';
import { SectionCard } from './section-card';

/** MRR by plan, as of now (the subscriptions table has no history). */
export function RevenueSection({ revenue, range }: { revenue: RevenueMetrics; range: ResolvedRange }) {
  return (
    <SectionCard
      id="revenue-heading"
      title="Recurring revenue"
      description={`${formatMoney(revenue.mrrCents)} a month now, from subscriptions that grant premium (active, trialing, or past due within grace). Not affected by the date range.`}
      csvHref={exportHref('subscriptions', range)}
    >
      {revenue.plans.length ? (
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Monthly recurring revenue by plan</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Plan</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Price</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Subscriptions</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">MRR</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {revenue.plans.map((p) => (
                <tr key={p.planId}>
                  <th scope="row" className="px-3 py-2 font-normal break-all">
                    {p.name ?? p.planId}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{p.priceCents === null ? 'unknown' : `${formatMoney(p.priceCents)} / ${p.interval}`}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(p.subscriptions)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.mrrCents === null ? 'not counted' : formatMoney(p.mrrCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-700">No subscription grants premium right now.</p>
      )}
      {revenue.unpricedSubscriptions > 0 ? (
        <p className="mt-2 text-sm text-amber-900">
          {formatCount(revenue.unpricedSubscriptions)} subscription(s) use a Stripe price the app has no amount for (not STRIPE_PRICE_MONTHLY or STRIPE_PRICE_YEARLY), so they are not in MRR.
        </p>
      ) : null}
    </SectionCard>
  );
}
