'use client';

import type { PreviewState } from './use-qualifying-preview';

const learners = (n: number) => `${n.toLocaleString('en-US')} learner${n === 1 ? '' : 's'}`;

/**
 * "N learners already qualify", kept current as the criterion changes. A polite live region, busy
 * while it counts, so a screen reader hears the settled number once rather than every step.
 */
export function QualifyingPreview({ state, editing, canPreview }: { state: PreviewState; editing: boolean; canPreview: boolean }) {
  let text: string;
  let detail: string | null = null;
  if (!canPreview) {
    text = 'Counting qualifying learners needs the update:quests permission.';
  } else if (state.status === 'idle') {
    text = 'Fill in the criterion to see how many learners already qualify.';
  } else if (state.status === 'error') {
    text = state.message;
  } else {
    const counts = state.status === 'ready' ? state : state.last;
    if (!counts) {
      text = 'Counting qualifying learners…';
    } else {
      text = `${learners(counts.qualifying)} already ${counts.qualifying === 1 ? 'qualifies' : 'qualify'}`;
      if (editing && counts.qualifying > 0) detail = `${counts.alreadyHeld.toLocaleString('en-US')} of them already ${counts.alreadyHeld === 1 ? 'holds' : 'hold'} it.`;
    }
  }
  const loading = state.status === 'loading';
  return (
    <div
      aria-live="polite"
      aria-busy={loading}
      className={`rounded-lg p-3 text-sm ring-1 ring-inset ${state.status === 'error' ? 'bg-rose-50 text-rose-800 ring-rose-200' : 'bg-brand-50 text-brand-900 ring-brand-200'}`}
    >
      <p className="flex items-center gap-2 font-semibold">
        {loading ? <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-brand-300 border-t-brand-700" /> : null}
        {text}
      </p>
      {detail ? <p className="mt-0.5">{detail}</p> : null}
      {canPreview && state.status !== 'error' ? (
        <p className="mt-1 text-xs text-brand-800">Counted now, from every learner’s progress, XP and learning days. Saving awards nothing by itself.</p>
      ) : null}
    </div>
  );
}
