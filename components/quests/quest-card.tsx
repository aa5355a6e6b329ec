import Link from 'next/link';
import type { QuestSummary } from '@/lib/quests/queries';
import { DifficultyBadge, TierBadge } from './quest-badges';
import { QuestCover } from './quest-cover';
import { QuestStatus } from './quest-status';

/** A quest in a grid: its facts, and the caller's progress or lock state in words (not colour alone). */
export function QuestCard({ quest }: { quest: QuestSummary }) {
  return (
    <article className="group relative flex h-full flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-200 focus-within:ring-2 focus-within:ring-brand-600">
      {quest.coverImageUrl ? <QuestCover src={quest.coverImageUrl} className="-mx-5 -mt-5 mb-4 rounded-t-xl" /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <DifficultyBadge difficulty={quest.difficulty} />
        <TierBadge tier={quest.tier} locked={quest.access === 'premium_locked'} />
      </div>
      <h3 className="mt-3 text-base font-semibold text-slate-900">
        <Link href={`/quests/${quest.slug}`} className="after:absolute after:inset-0 focus:outline-none">
          {quest.title}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-3 text-sm text-slate-600">{quest.description}</p>
      <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-4 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt className="sr-only">Category</dt>
          <dd>{quest.category}</dd>
        </div>
        {quest.durationMinutes ? (
          <div className="flex gap-1">
            <dt className="sr-only">Duration</dt>
            <dd>{quest.durationMinutes} min</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt className="sr-only">Steps</dt>
          <dd>{quest.stepCount === 1 ? '1 step' : `${quest.stepCount} steps`}</dd>
        </div>
        <div className="flex gap-1 font-semibold text-brand-700">
          <dt className="sr-only">Reward</dt>
          <dd>{quest.xpReward} XP</dd>
        </div>
      </dl>
      <div className="mt-3 empty:hidden">
        <QuestStatus quest={quest} />
      </div>
    </article>
  );
}
