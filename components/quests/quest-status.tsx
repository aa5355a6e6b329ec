import { ProgressBar } from '@/components/ui/progress-bar';
import type { QuestSummary } from '@/lib/quests/queries';
import { LockIcon } from './quest-badges';

/**
 * The caller's standing on a quest, in words first: their progress when they have started it,
 * otherwise why it is locked. Nothing when the quest is simply available.
 */
export function QuestStatus({ quest }: { quest: Pick<QuestSummary, 'title' | 'access' | 'progress' | 'stepCount'> }) {
  const { progress } = quest;
  if (progress?.status === 'completed') {
    return (
      <p className="flex flex-wrap items-center gap-x-2 text-sm font-medium text-emerald-800">
        <span>
          Completed <span aria-hidden="true">✓</span>
        </span>
        {progress.score !== null ? <span>· Score {progress.score}%</span> : null}
      </p>
    );
  }
  if (progress) {
    return (
      <div className="space-y-1">
        <p className="flex justify-between gap-2 text-xs font-medium text-slate-700">
          <span>In progress</span>
          <span>{progress.progressPercentage}% done</span>
        </p>
        <ProgressBar
          value={progress.progressPercentage}
          label={`Progress on ${quest.title}`}
          valueText={`${progress.progressPercentage}% done`}
        />
      </div>
    );
  }
  if (quest.access === 'premium_locked') {
    return (
      <p className="flex items-center gap-1.5 text-sm text-brand-800">
        <LockIcon className="size-3.5" />
        Premium plan needed to start
      </p>
    );
  }
  if (quest.access === 'prerequisites_locked') {
    return (
      <p className="flex items-center gap-1.5 text-sm text-amber-900">
        <LockIcon className="size-3.5" />
        Finish its prerequisite quests first
      </p>
    );
  }
  return null;
}
