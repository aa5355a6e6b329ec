import Link from 'next/link';
import type { ProgressListItem } from '@/lib/progress/queries';
import { ProgressBar } from '@/components/ui/progress-bar';

/** Quests the learner has started and not finished, with a way straight back into each. */
export function InProgressList({ items }: { items: ProgressListItem[] }) {
  return (
    <ul className="mt-4 space-y-3">
      {items.map((item) => {
        const step = Math.min(item.currentStep + 1, Math.max(item.totalSteps, 1));
        return (
          <li key={item.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 flex-1">
                <h3 className="font-semibold text-slate-900">
                  <Link href={`/quests/${item.quest.slug}`} className="break-words hover:underline">
                    {item.quest.title}
                  </Link>
                </h3>
                <p className="mt-0.5 text-sm text-slate-600">
                  {item.quest.category} · Step {step} of {item.totalSteps} · {item.progressPercentage}% done
                </p>
                <ProgressBar
                  className="mt-2"
                  value={item.progressPercentage}
                  label={`Progress on ${item.quest.title}`}
                  valueText={`${item.progressPercentage}% done`}
                />
              </div>
              <Link
                href={`/quests/${item.quest.slug}/play`}
                className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
              >
                Continue<span className="sr-only"> {item.quest.title}</span>
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
