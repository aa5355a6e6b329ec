import type { AchievementView } from '@/lib/achievements/queries';
import { AchievementCard } from './achievement-card';
import { RARITY_ORDER, rarityLabel, rarityOf } from './rarity';

/** Achievements grouped by rarity, common first; within a group, unlocked ones first. */
export function AchievementGroups({ achievements, timeZone }: { achievements: AchievementView[]; timeZone: string }) {
  return (
    <div className="space-y-10">
      {RARITY_ORDER.map((rarity) => {
        const group = achievements
          .filter((a) => rarityOf(a.rarity) === rarity)
          .sort((x, y) => Number(y.unlocked) - Number(x.unlocked));
        if (group.length === 0) return null;
        const unlocked = group.filter((a) => a.unlocked).length;
        const id = `rarity-${rarity}`;
        return (
          <section key={rarity} aria-labelledby={id}>
            <h2 id={id} className="text-xl font-bold tracking-tight">
              {rarityLabel[rarity]}{' '}
              <span className="text-base font-normal text-slate-600">
                · {unlocked} of {group.length} unlocked
              </span>
            </h2>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {group.map((a) => (
                <li key={a.id}>
                  <AchievementCard achievement={a} timeZone={timeZone} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
