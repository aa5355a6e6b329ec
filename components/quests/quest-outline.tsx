import type { QuestOverview } from '@/lib/quests/queries';
import type { StepKind } from '@/lib/quests/schemas';

const kindLabel: Record<StepKind, string> = { reading: 'Reading', quiz: 'Quiz', task: 'Task' };
const kindStyle: Record<StepKind, string> = {
  reading: 'bg-sky-100 text-sky-900',
  quiz: 'bg-violet-100 text-violet-900',
  task: 'bg-emerald-100 text-emerald-900',
};

export function QuestOutline({ steps }: { steps: QuestOverview['outline'] }) {
  return (
    <ol className="mt-4 space-y-2">
      {steps.map((step) => (
        <li key={step.id} className="flex items-center gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200">
          <span className="grid size-7 shrink-0 place-items-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">
            {step.position + 1}
          </span>
          <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">{step.title}</span>
          <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${kindStyle[step.kind]}`}>
            {kindLabel[step.kind]}
          </span>
        </li>
      ))}
    </ol>
  );
}
