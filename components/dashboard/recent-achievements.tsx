import Link from 'next/link';
import { RarityBadge } from '@/components/achievements/rarity-badge';
import type { UnlockedAchievement } from '@/lib/achievements/engine';
import { formatDate } from './format';

export function RecentAchievements({ achievements, timeZone }: { achievements: UnlockedAchievement[]; timeZone: string }) {
  return (
    <section aria-labelledby="recent-achievements-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recent-achievements-heading" className="text-lg font-semibold">
          Recent achievements
        </h2>
        <Link href="/achievements" className="text-sm font-semibold text-brand-700 underline hover:text-brand-800">
          All achievements
        </Link>
      </div>
      {achievements.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          None yet. Finish your first quest to unlock one — every achievement also pays out XP.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {achievements.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{a.name}</p>
                <p className="text-xs text-slate-600">
                  Unlocked <time dateTime={a.unlockedAt}>{formatDate(a.unlockedAt, timeZone)}</time>
                  {a.xpReward ? ` · +${a.xpReward} XP` : ''}
                </p>
              </div>
              <RarityBadge rarity={a.rarity} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
