import type { Ref } from 'react';
import { ButtonLink } from '@/components/ui/button-link';
import type { PlayerQuest, Progress } from '@/lib/progress/player-types';
import type { FinishResult } from '@/store/quest-player-store';
import { AchievementList } from './achievement-list';
import { CheckIcon } from './icons';
import { LevelProgress } from './level-progress';

function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-center ring-1 ring-slate-200">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="mt-1 text-lg font-bold text-slate-900">{value}</dd>
    </div>
  );
}

/**
 * The quest's summary: right after finishing it shows the score, the XP earned, the level bar and
 * unlocked achievements; reopening a completed quest shows its score and when it was completed.
 */
export function FinishScreen({
  quest,
  progress,
  finish,
  headingRef,
  onReview,
}: {
  quest: PlayerQuest;
  progress: Progress;
  finish: FinishResult | null;
  headingRef?: Ref<HTMLHeadingElement>;
  onReview: () => void;
}) {
  const score = finish?.score ?? progress.score;
  const completedOn = progress.completedAt ? new Date(progress.completedAt) : null;
  return (
    <section aria-labelledby="finish-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-full bg-emerald-100 text-emerald-700">
          <CheckIcon className="size-7" />
        </span>
        <h2 ref={headingRef} id="finish-heading" tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900">
          {finish ? 'Quest complete!' : 'You completed this quest'}
        </h2>
      </div>
      <p className="mt-3 text-slate-700">
        {finish ? `You finished “${quest.title}”. ` : null}
        {completedOn ? (
          <>
            Completed on <time dateTime={completedOn.toISOString()}>{completedOn.toLocaleDateString('en', { dateStyle: 'long' })}</time>.
          </>
        ) : null}
      </p>

      <dl className="mt-6 grid grid-cols-1 gap-3 min-[400px]:grid-cols-3">
        <Stat term="Score" value={score === null ? '—' : `${score}%`} />
        {finish ? <Stat term="XP earned" value={`+${finish.xpEarned} XP`} /> : <Stat term="Reward" value={`${quest.xpReward} XP`} />}
        <Stat term="Time spent" value={formatDuration(progress.timeSpent)} />
      </dl>
      {finish && finish.xpEarned === 0 ? (
        <p className="mt-3 text-sm text-slate-600">You had already earned this quest’s XP, so none was added this time.</p>
      ) : null}

      {finish?.level ? <LevelProgress level={finish.level} /> : null}
      {finish ? <AchievementList achievements={finish.achievementsUnlocked} /> : null}

      <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
        <ButtonLink href="/quests">Back to quests</ButtonLink>
        <ButtonLink href="/dashboard" variant="secondary">
          Dashboard
        </ButtonLink>
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
