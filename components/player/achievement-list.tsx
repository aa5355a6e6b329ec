import type { UnlockedAchievement } from '@/lib/progress/player-types';
import { StarIcon } from './icons';

const rarityStyle: Record<string, string> = {
  common: 'bg-slate-100 text-slate-800',
  rare: 'bg-sky-100 text-sky-900',
  epic: 'bg-violet-100 text-violet-900',
  legendary: 'bg-amber-100 text-amber-900',
};

/** The achievements a quest completion unlocked, with their rarity and XP. */
export function AchievementList({ achievements }: { achievements: UnlockedAchievement[] }) {
  if (!achievements.length) return null;
  return (
    <section aria-labelledby="achievements-heading" className="mt-6">
      <h3 id="achievements-heading" className="font-semibold text-slate-900">
        Achievements unlocked
      </h3>
      <ul className="mt-3 space-y-2">
        {achievements.map((a) => (
          <li key={a.id} className="flex items-start gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200">
            <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded-full bg-amber-100 text-amber-600">
              <StarIcon className="size-6" />
            </span>
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{a.name}</p>
              <p className="text-sm text-slate-700">{a.description}</p>
              <p className="mt-1 flex flex-wrap gap-2 text-xs font-medium">
                <span className={`rounded px-2 py-0.5 capitalize ${rarityStyle[a.rarity] ?? rarityStyle.common}`}>{a.rarity}</span>
                {a.xpReward > 0 ? <span className="rounded bg-emerald-50 px-2 py-0.5 text-emerald-800">+{a.xpReward} XP</span> : null}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
