import { levelForXp } from '@/lib/progress/levels';
import { formatNumber } from './format';
import { ProgressBar } from '@/components/ui/progress-bar';

export function LevelCard({ totalXp }: { totalXp: number }) {
  const level = levelForXp(totalXp);
  const toGo = level.xpForNextLevel - level.xpIntoLevel;
  return (
    <section aria-labelledby="level-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="level-heading" className="text-2xl font-bold tracking-tight">
          Level {level.level}
        </h2>
        <p className="text-sm text-slate-600">{formatNumber(level.totalXp)} XP in total</p>
      </div>
      <ProgressBar
        className="mt-4 h-3"
        value={level.xpIntoLevel}
        max={level.xpForNextLevel}
        label={`XP towards level ${level.level + 1}`}
        valueText={`${formatNumber(level.xpIntoLevel)} of ${formatNumber(level.xpForNextLevel)} XP`}
      />
      <p className="mt-2 text-sm text-slate-700">
        {formatNumber(level.xpIntoLevel)} / {formatNumber(level.xpForNextLevel)} XP · {formatNumber(toGo)} XP to level{' '}
        {level.level + 1}
      </p>
    </section>
  );
}
