import { ProgressBar } from '@/components/ui/progress-bar';
import { formatDate, formatNumber } from '@/components/dashboard/format';
import { LockIcon } from '@/components/quests/quest-badges';
import type { AchievementView } from '@/lib/achievements/queries';
import { RarityBadge } from './rarity-badge';
import { rarityOf, rarityStyle } from './rarity';

/**
 * One achievement. Unlocked: its date and reward. Locked: greyed, with what earns it in words and
 * how far along the learner is, as a bar and as numbers. The state is always written out.
 */
export function AchievementCard({ achievement: a, timeZone = 'UTC' }: { achievement: AchievementView; timeZone?: string }) {
  const rarity = rarityOf(a.rarity);
  const { current, target } = a.progress;
  return (
    <article
      className={`flex h-full flex-col rounded-xl p-4 ring-1 ${
        a.unlocked ? 'bg-white shadow-sm ring-slate-200' : 'bg-slate-50 ring-slate-200'
      }`}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={`grid size-10 shrink-0 place-items-center rounded-full text-lg font-bold text-white ${
            a.unlocked ? rarityStyle[rarity].medal : 'bg-slate-300'
          }`}
        >
          {a.unlocked ? '★' : <LockIcon className="size-4 text-slate-600" />}
        </span>
        <div className="min-w-0 flex-1">
          <h3 className={`font-semibold break-words ${a.unlocked ? 'text-slate-900' : 'text-slate-700'}`}>{a.name}</h3>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <RarityBadge rarity={a.rarity} />
            <span className={`text-xs font-medium ${a.unlocked ? 'text-emerald-800' : 'text-slate-600'}`}>
              {a.unlocked ? 'Unlocked' : 'Locked'}
            </span>
          </div>
        </div>
      </div>
      {a.description ? <p className="mt-3 text-sm text-slate-700">{a.description}</p> : null}
      <div className="mt-auto pt-3 text-sm">
        {a.unlocked && a.unlockedAt ? (
          <p className="text-slate-700">
            Unlocked on <time dateTime={a.unlockedAt}>{formatDate(a.unlockedAt, timeZone)}</time>
            {a.xpReward ? ` · +${formatNumber(a.xpReward)} XP` : ''}
          </p>
        ) : (
          <>
            <p className="text-slate-700">
              <span className="font-medium">To unlock:</span> {a.criterion}
              {a.xpReward ? ` · +${formatNumber(a.xpReward)} XP` : ''}
            </p>
            <ProgressBar
              className="mt-2"
              tone="slate"
              value={current}
              max={target}
              label={`Progress towards ${a.name}`}
              valueText={`${formatNumber(current)} of ${formatNumber(target)}`}
            />
            <p className="mt-1 text-xs text-slate-600">
              {formatNumber(Math.min(current, target))} / {formatNumber(target)}
            </p>
          </>
        )}
      </div>
    </article>
  );
}
