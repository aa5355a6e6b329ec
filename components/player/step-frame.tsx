import type { ReactNode, Ref } from 'react';
import type { PlayerStepKind } from '@/lib/progress/player-types';
import { PlayerMarkdown } from './player-markdown';

const kindLabel: Record<PlayerStepKind, string> = { reading: 'Reading', quiz: 'Quiz', task: 'Task' };
const kindStyle: Record<PlayerStepKind, string> = {
  reading: 'bg-sky-100 text-sky-900',
  quiz: 'bg-violet-100 text-violet-900',
  task: 'bg-emerald-100 text-emerald-900',
};

/**
 * One step as learners see it: its kind, its heading (h2, focus target when the step changes), the
 * Markdown body with its headings shifted below the h2, then `controls` (the quiz or task). The
 * player and the admin preview both render through this, so a preview shows exactly the step.
 */
export function StepFrame({
  step,
  totalSteps,
  headingRef,
  controls,
}: {
  step: { position: number; kind: PlayerStepKind; title: string; body: string };
  totalSteps: number;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The quiz or task controls; gets the body's id, which a quiz uses as its question. */
  controls: (bodyId: string) => ReactNode;
}) {
  const headingId = `step-${step.position}-title`;
  const bodyId = `step-${step.position}-body`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <p>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${kindStyle[step.kind]}`}>{kindLabel[step.kind]}</span>
      </p>
      <h2 ref={headingRef} id={headingId} tabIndex={-1} className="mt-3 text-xl font-bold tracking-tight text-balance text-slate-900 sm:text-2xl">
        <span className="sr-only">
          Step {step.position + 1} of {totalSteps}:{' '}
        </span>
        {step.title}
      </h2>
      <div id={bodyId} className="mt-4 min-w-0">
        <PlayerMarkdown variant="step">{step.body}</PlayerMarkdown>
      </div>
      {controls(bodyId)}
    </section>
  );
}
