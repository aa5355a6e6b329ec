import type { AnalyticsMetrics } from '@/lib/admin/analytics/load-dashboard';
import { METRIC_DEFINITIONS, type MetricKey } from '@/lib/admin/analytics/definitions';
import { formatAverage, formatCount, formatDay, formatMoney, formatPercent, formatSeconds } from './format';

interface Kpi {
  key: MetricKey;
  label: string;
  value: string;
  detail: string;
}

function kpisOf(m: AnalyticsMetrics, to: string): Kpi[] {
  const { activity, signups, completions, sessions, conversion, churn, revenue } = m;
  return [
    { key: 'dau', label: 'Average DAU', value: formatAverage(activity.averageDau), detail: `active users per day` },
    { key: 'mau', label: 'MAU', value: formatCount(activity.mau), detail: `30 days to ${formatDay(to, 'short')}` },
    { key: 'dauMau', label: 'DAU / MAU', value: formatPercent(activity.dauMauRatio), detail: 'stickiness' },
    { key: 'signups', label: 'Sign-ups', value: formatCount(signups.total), detail: 'new accounts' },
    { key: 'completion', label: 'Completion rate', value: formatPercent(completions.rate), detail: `${formatCount(completions.completions)} of ${formatCount(completions.starts)} starts` },
    { key: 'sessions', label: 'Avg session', value: formatSeconds(sessions.averageSeconds), detail: `${formatCount(sessions.measured)} of ${formatCount(sessions.sessions)} sessions measured` },
    { key: 'conversion', label: 'Free → paid', value: formatPercent(conversion.rate), detail: `${formatCount(conversion.converted)} of ${formatCount(conversion.signedUp)} sign-ups paid` },
    { key: 'churn', label: 'Churn', value: formatPercent(churn.rate), detail: `${formatCount(churn.churned)} of ${formatCount(churn.subscribersAtStart)} paying customers` },
    {
      key: 'mrr',
      label: 'MRR now',
      value: formatMoney(revenue.mrrCents),
      detail: `${formatCount(revenue.subscriptions - revenue.unpricedSubscriptions)} priced subscriptions`,
    },
  ];
}

const DEFINITION_LABELS: Record<MetricKey, string> = {
  dau: 'DAU',
  mau: 'MAU',
  dauMau: 'DAU / MAU',
  signups: 'Sign-ups',
  completion: 'Completion rate',
  funnel: 'Funnel',
  sessions: 'Average session',
  conversion: 'Free → paid conversion',
  churn: 'Churn',
  mrr: 'MRR',
};

/** The headline figures, then how each one is measured (the same text as the README). */
export function KpiCards({ metrics, to }: { metrics: AnalyticsMetrics; to: string }) {
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="sr-only">
        Key figures
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {kpisOf(metrics, to).map((kpi) => (
          <div key={kpi.key} className="min-w-0 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{kpi.label}</dt>
            <dd className="mt-1 break-words text-2xl font-bold text-slate-900">{kpi.value}</dd>
            <dd className="mt-0.5 text-xs text-slate-600">{kpi.detail}</dd>
          </div>
        ))}
      </dl>
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-700 underline hover:text-brand-800">
          How these figures are measured
        </summary>
        <dl className="mt-2 space-y-2 rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
          {(Object.keys(METRIC_DEFINITIONS) as MetricKey[]).map((key) => (
            <div key={key}>
              <dt className="font-semibold text-slate-900">{DEFINITION_LABELS[key]}</dt>
              <dd className="text-slate-700">{METRIC_DEFINITIONS[key]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
