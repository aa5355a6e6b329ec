'use client';

import { useEffect, useState } from 'react';
import { levelForXp } from '@/lib/progress/levels';
import type { LevelChange } from '@/lib/progress/player-types';
import { StarIcon } from './icons';
import { ProgressBar } from '@/components/ui/progress-bar';

/**
 * The learner's level after finishing: a bar towards the next level that fills in (instantly when
 * the user prefers reduced motion), and a "Level up!" banner when the quest crossed a level.
 */
export function LevelProgress({ level }: { level: LevelChange }) {
  const info = levelForXp(level.totalXp);
  const leveledUp = level.after > level.before;
  // Start empty and fill on the next frame so the bar visibly grows and the banner pops in (CSS
  // transitions, which the app turns off for prefers-reduced-motion).
  const [entered, setEntered] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setEntered(true));
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <section aria-labelledby="level-heading" className="mt-6 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      {leveledUp ? (
        <div
          className={`mb-4 flex items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-900 ring-1 ring-inset ring-amber-200 transition-transform duration-700 ease-out motion-reduce:transition-none ${
            entered ? 'scale-100' : 'motion-safe:scale-75'
          }`}
        >
          <StarIcon className="size-7 shrink-0 text-amber-500" />
          <p>
            <span className="block text-lg font-bold">Level up!</span>
            <span className="text-sm">
              You went from level {level.before} to level {level.after}.
            </span>
          </p>
        </div>
      ) : null}
      <div className="flex items-baseline justify-between gap-3">
        <h3 id="level-heading" className="font-semibold text-slate-900">
          Level {info.level}
        </h3>
        <p className="text-sm text-slate-600">{info.totalXp} XP in total</p>
      </div>
      <div className="mt-2">
        <ProgressBar
          label={`Progress to level ${info.level + 1}`}
          value={entered ? info.xpIntoLevel : 0}
          max={info.xpForNextLevel}
          valueText={`${info.xpIntoLevel} of ${info.xpForNextLevel} XP`}
          tone="green"
        />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {info.xpForNextLevel - info.xpIntoLevel} XP to level {info.level + 1}
      </p>
    </section>
  );
}
