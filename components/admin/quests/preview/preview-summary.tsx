import Link from 'next/link';
import type { Ref } from 'react';
import { CheckIcon } from '@/components/player/icons';
import type { QuestEditorView } from '@/lib/admin/quests/types';

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-center ring-1 ring-slate-200">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="mt-1 text-lg font-bold text-slate-900">{value}</dd>
    </div>
  );
}

/** The end of the walk: the learner's finish screen facts (score, reward), and that nothing was recorded. */
export function PreviewSummary({
  quest,
  score,
  headingRef,
  onReview,
  onRestart,
}: {
  quest: QuestEditorView;
  score: number;
  headingRef?: Ref<HTMLHeadingElement>;
  onReview: () => void;
  onRestart: () => void;
}) {
  return (
    <section aria-labelledby="finish-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-full bg-emerald-100 text-emerald-700">
          <CheckIcon className="size-7" />
        </span>
        <h2 ref={headingRef} id="finish-heading" tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900">
          Quest complete!
        </h2>
      </div>
      <p className="mt-3 text-slate-700">
        A learner would see this after finishing “{quest.title}”, with the XP added to their total. In the preview nothing was recorded.
      </p>
      <dl className="mt-6 grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
        <Stat term="Score" value={`${score}%`} />
        <Stat term="XP earned" value={`+${quest.xpReward} XP`} />
      </dl>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
        <Link
          href={`/admin/quests/${quest.id}`}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Back to the editor
        </Link>
        <button
          type="button"
          onClick={onRestart}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          Start over
        </button>
        <button
          type="button"
          onClick={onReview}
          className="min-h-11 rounded-lg px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50 hover:text-brand-800"
        >
          Review steps
        </button>
      </div>
    </section>
  );
}
