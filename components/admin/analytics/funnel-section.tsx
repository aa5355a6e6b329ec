import type { QuestFunnel, QuestOption } from '@/lib/admin/analytics/funnel';
import { exportHref } from '@/lib/admin/analytics/links';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import { DataTable } from './data-table';
import { FunnelChart, type FunnelBar } from './funnel-chart';
import { formatCount, formatPercent } from './format';
import { SectionCard } from './section-card';

const control =
  'mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

function barsOf(funnel: QuestFunnel): FunnelBar[] {
  return [
    { stage: 'Started', reached: funnel.started, answered: null },
    ...funnel.steps.map((s) => ({ stage: `Step ${s.position + 1}`, reached: s.reached, answered: s.answered })),
    { stage: 'Completed', reached: funnel.completed, answered: null },
  ];
}

/** The quest picker (a GET form keeping the range) and the chosen quest's drop-off. */
export function FunnelSection({
  funnel,
  quests,
  range,
  questNotFound,
}: {
  funnel: QuestFunnel | null;
  quests: QuestOption[];
  range: ResolvedRange;
  questNotFound: boolean;
}) {
  const chosen = funnel?.questId ?? range.questId ?? '';
  return (
    <SectionCard
      id="funnel-heading"
      title="Drop-off by step"
      description="Learners who started the quest in the range, followed to its end: how far they got and which steps they answered. Reading steps record no answer."
      csvHref={funnel ? exportHref('funnel', { ...range, questId: funnel.questId }) : undefined}
    >
      <form action="/admin/analytics" method="get" aria-label="Choose a quest for the funnel" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="from" value={range.from} />
        <input type="hidden" name="to" value={range.to} />
        <div className="min-w-0 flex-1">
          <label htmlFor="analytics-quest" className="block text-sm font-medium text-slate-900">
            Quest
          </label>
          <select id="analytics-quest" name="questId" defaultValue={chosen} className={control}>
            {chosen ? null : <option value="">Choose a quest</option>}
            {quests.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          Show funnel
        </button>
      </form>

      {questNotFound ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 p-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          That quest does not exist (any more). Choose another one.
        </p>
      ) : !funnel ? (
        <p className="mt-4 text-slate-700">No quest was started in this range. Choose a quest to see its steps.</p>
      ) : funnel.started === 0 ? (
        <p className="mt-4 text-slate-700">Nobody started “{funnel.title}” in this range.</p>
      ) : (
        <div className="mt-4">
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{funnel.title}</span>: {formatCount(funnel.started)} started, {formatCount(funnel.completed)} completed (
            {formatPercent(funnel.completed / funnel.started)}).
          </p>
          <FunnelChart
            data={barsOf(funnel)}
            summary={`Bar chart of how far the ${formatCount(funnel.started)} learners who started ${funnel.title} got: ${formatCount(funnel.completed)} completed. Every value is in the data table.`}
          />
          <DataTable
            caption={`Funnel of ${funnel.title}`}
            columns={['Stage', 'Reached', 'Answered']}
            rows={[
              ['Started', formatCount(funnel.started), '—'],
              ...funnel.steps.map((s) => [`Step ${s.position + 1} (${s.kind}): ${s.title}`, formatCount(s.reached), s.answered === null ? 'not recorded' : formatCount(s.answered)]),
              ['Completed', formatCount(funnel.completed), '—'],
            ]}
          />
        </div>
      )}
    </SectionCard>
  );
}
