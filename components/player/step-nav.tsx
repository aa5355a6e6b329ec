import type { PlayerStepKind } from '@/lib/progress/player-types';

const secondary =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500 disabled:ring-slate-200';
const primary =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700 disabled:shadow-none';

/**
 * Previous / Next (or "Finish quest" on the last step, "Back to summary" when reviewing a
 * completed quest). Next waits until a quiz is answered or a task confirmed, and says why.
 */
export function StepNav({
  stepIndex,
  totalSteps,
  kind,
  done,
  pending,
  reviewing,
  onGo,
  onSummary,
}: {
  stepIndex: number;
  totalSteps: number;
  kind: PlayerStepKind;
  /** The step's quiz is answered or task confirmed (always true for reading steps). */
  done: boolean;
  pending: boolean;
  reviewing: boolean;
  onGo: (index: number) => void;
  onSummary: () => void;
}) {
  const last = stepIndex >= totalSteps - 1;
  const hintId = 'step-nav-hint';
  return (
    <div className="mt-6">
      {!done ? (
        <p id={hintId} className="mb-3 text-sm text-slate-600">
          {kind === 'quiz' ? 'Check your answer to continue.' : 'Tick every item and mark the task complete to continue.'}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <button type="button" className={secondary} disabled={stepIndex === 0 || pending} onClick={() => onGo(stepIndex - 1)}>
          <span aria-hidden="true">←</span> Previous
        </button>
        {last && reviewing ? (
          <button type="button" className={primary} onClick={onSummary}>
            Back to summary
          </button>
        ) : (
          <button
            type="button"
            className={primary}
            disabled={!done || pending}
            aria-describedby={!done ? hintId : undefined}
            onClick={() => onGo(stepIndex + 1)}
          >
            {pending ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
            {last ? (pending ? 'Finishing…' : 'Finish quest') : 'Next'}
            {!last ? <span aria-hidden="true">→</span> : null}
          </button>
        )}
      </div>
    </div>
  );
}
