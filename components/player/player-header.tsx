import Link from 'next/link';
import type { PlayerQuest, Progress } from '@/lib/progress/player-types';
import { ProgressBar } from '@/components/ui/progress-bar';

/** The quest's title (the page's h1), where the learner is, and how far along the quest they are. */
export function PlayerHeader({
  quest,
  progress,
  stepIndex,
  showingSummary,
}: {
  quest: PlayerQuest;
  progress: Progress;
  stepIndex: number;
  showingSummary: boolean;
}) {
  const position = showingSummary
    ? progress.status === 'completed'
      ? 'Completed'
      : 'Summary'
    : `Step ${stepIndex + 1} of ${progress.totalSteps}`;
  return (
    <header className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <p className="text-sm text-slate-600">
        <Link href={`/quests/${quest.slug}`} className="font-medium text-brand-700 hover:text-brand-800 hover:underline">
          <span aria-hidden="true">← </span>
          {quest.category}
          <span className="sr-only">: quest overview</span>
        </Link>
      </p>
      <h1 className="mt-2 text-xl font-bold tracking-tight text-balance text-slate-900 sm:text-2xl">{quest.title}</h1>
      <div className="mt-4 flex items-baseline justify-between gap-3 text-sm">
        <p className="font-medium text-slate-900">{position}</p>
        <p className="text-slate-600">{progress.progressPercentage}% complete</p>
      </div>
      <div className="mt-2">
        <ProgressBar label="Quest progress" value={progress.progressPercentage} valueText={`${progress.progressPercentage}% complete`} />
      </div>
    </header>
  );
}
