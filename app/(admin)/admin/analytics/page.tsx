import type { Metadata } from 'next';
import { ActivitySection } from '@/components/admin/analytics/activity-section';
import { CompletionSection } from '@/components/admin/analytics/completion-section';
import { formatDay } from '@/components/admin/analytics/format';
import { FunnelSection } from '@/components/admin/analytics/funnel-section';
import { KpiCards } from '@/components/admin/analytics/kpi-cards';
import { RangePicker } from '@/components/admin/analytics/range-picker';
import { RevenueSection } from '@/components/admin/analytics/revenue-section';
import { SessionsSection } from '@/components/admin/analytics/sessions-section';
import { SignupsSection } from '@/components/admin/analytics/signups-section';
import { FormAlert } from '@/components/forms/form-alert';
import { loadAnalyticsDashboard } from '@/lib/admin/analytics/load-dashboard';
import { analyticsQuerySchema, utcDay, type ResolvedRange } from '@/lib/admin/analytics/schemas';
import { requirePermission } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Analytics · Admin' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The URL's range, or what is left of it with the reasons: a bad quest id is dropped (the range
 * stays), a bad range falls back to the last 30 days.
 */
function rangeFrom(search: Search): { range: ResolvedRange; problems: string[] } {
  const input = { from: first(search.from), to: first(search.to), questId: first(search.questId) };
  const parsed = analyticsQuerySchema.safeParse(input);
  if (parsed.success) return { range: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'range')} ${issue.message}`);
  const withoutQuest = analyticsQuerySchema.safeParse({ ...input, questId: undefined });
  return { range: withoutQuest.success ? withoutQuest.data : analyticsQuerySchema.parse({}), problems };
}

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePermission('view:analytics', '/admin/analytics');
  const { range, problems } = rangeFrom(await searchParams);
  const { metrics, quests, questNotFound } = await loadAnalyticsDashboard(session.claims, range);
  const quiet = metrics.activity.events === 0;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Analytics</h1>
        <p className="mt-1 text-slate-600">
          {formatDay(range.from)} – {formatDay(range.to)} (UTC), {range.days} {range.days === 1 ? 'day' : 'days'}.
        </p>
      </header>

      {problems.length ? (
        <FormAlert>
          Part of the address was not valid ({problems.join('; ')}), so it was left out: showing {formatDay(range.from)} – {formatDay(range.to)}.
        </FormAlert>
      ) : null}

      <RangePicker range={range} today={utcDay(new Date())} />
      <KpiCards metrics={metrics} to={range.to} />

      {quiet ? (
        <section aria-labelledby="empty-heading" className="rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
          <h2 id="empty-heading" className="text-lg font-semibold text-slate-900">
            No activity in this range
          </h2>
          <p className="mt-1 text-slate-600">
            Nobody signed up, logged in or played a quest between {formatDay(range.from)} and {formatDay(range.to)}. Pick a wider or more recent range.
          </p>
        </section>
      ) : (
        <>
          <div className="grid gap-6 xl:grid-cols-2">
            <ActivitySection activity={metrics.activity} range={range} />
            <SignupsSection signups={metrics.signups} range={range} />
          </div>
          <CompletionSection completions={metrics.completions} range={range} />
          <FunnelSection funnel={metrics.funnel} quests={quests} range={range} questNotFound={questNotFound} />
          <SessionsSection sessions={metrics.sessions} range={range} />
        </>
      )}
      <RevenueSection revenue={metrics.revenue} range={range} />
    </div>
  );
}
