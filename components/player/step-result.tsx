import type { Ref } from 'react';
import type { StepResult as Result } from '@/lib/progress/player-types';
import { CheckIcon, CrossIcon } from './icons';
import { PlayerMarkdown } from './player-markdown';

/**
 * The outcome of a quiz answer or a confirmed task, told by icon and words (not colour alone).
 * Focusable (tabIndex -1) so the player can move focus here right after grading.
 */
export function StepResult({ result, kind, ref }: { result: Result; kind: 'quiz' | 'task'; ref?: Ref<HTMLDivElement> }) {
  const good = kind === 'task' || result.correct;
  const title = kind === 'task' ? 'Task complete' : result.correct ? 'Correct!' : 'Not quite';
  const detail =
    kind === 'task'
      ? 'Nicely done. Continue when you are ready.'
      : result.correct
        ? 'You chose the right answer.'
        : 'That is not the right answer. Your first answer counts, but read why below.';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`mt-5 rounded-xl p-4 ring-1 ring-inset ${good ? 'bg-emerald-50 ring-emerald-200' : 'bg-rose-50 ring-rose-200'}`}
    >
      <p className={`flex items-center gap-2 font-semibold ${good ? 'text-emerald-800' : 'text-rose-800'}`}>
        {good ? <CheckIcon /> : <CrossIcon />}
        {title}
      </p>
      <p className="mt-1 text-sm text-slate-700">{detail}</p>
      {result.explanation ? (
        <div className="mt-3 border-t border-slate-200/70 pt-3">
          <p className="text-sm font-semibold text-slate-900">Explanation</p>
          <PlayerMarkdown variant="explanation">{result.explanation}</PlayerMarkdown>
        </div>
      ) : null}
    </div>
  );
}
