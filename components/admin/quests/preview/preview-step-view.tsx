import type { Ref } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import type { QuestPreviewState } from '@/hooks/use-quest-preview';
import type { PlayerStepKind } from '@/lib/progress/player-types';
import { PreviewQuiz } from './preview-quiz';
import type { PreviewStep } from './preview-steps';
import { PreviewTask } from './preview-task';

const kindLabel: Record<PlayerStepKind, string> = { reading: 'Reading', quiz: 'Quiz', task: 'Task' };
const kindStyle: Record<PlayerStepKind, string> = {
  reading: 'bg-sky-100 text-sky-900',
  quiz: 'bg-violet-100 text-violet-900',
  task: 'bg-emerald-100 text-emerald-900',
};

/** One step laid out as components/player/step-view does, with the preview's quiz and task. */
export function PreviewStepView({
  step,
  totalSteps,
  preview,
  headingRef,
}: {
  step: PreviewStep;
  totalSteps: number;
  preview: QuestPreviewState;
  headingRef?: Ref<HTMLHeadingElement>;
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
      <Markdown id={bodyId} headingOffset={1} className="mt-4">
        {step.body}
      </Markdown>
      {step.kind === 'quiz' ? <PreviewQuiz step={step} preview={preview} questionId={bodyId} /> : null}
      {step.kind === 'task' ? <PreviewTask step={step} preview={preview} /> : null}
    </section>
  );
}
