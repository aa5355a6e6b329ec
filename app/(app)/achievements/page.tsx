import type { Metadata } from 'next';
import { AchievementGroups } from '@/components/achievements/achievement-groups';
import { ProgressBar } from '@/components/ui/progress-bar';
import { listAchievementsForUser } from '@/lib/achievements/queries';
import { requireSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Achievements' };
export const dynamic = 'force-dynamic';

export default async function AchievementsPage() {
  const { user, claims } = await requireSession('/achievements');
  const achievements = await listAchievementsForUser(claims);
  const unlocked = achievements.filter((a) => a.unlocked).length;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Achievements</h1>
        <p className="mt-2 text-slate-700">
          <span className="font-semibold text-slate-900">
            {unlocked} of {achievements.length} unlocked
          </span>
          . Each one pays out XP; locked ones show what earns them.
        </p>
        {achievements.length ? (
          <ProgressBar
            className="mt-3 max-w-md"
            tone="green"
            value={unlocked}
            max={achievements.length}
            label="Achievements unlocked"
            valueText={`${unlocked} of ${achievements.length}`}
          />
        ) : null}
      </header>

      <div className="mt-10">
        {achievements.length ? (
          <AchievementGroups achievements={achievements} timeZone={user.timeZone ?? 'UTC'} />
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-700">
            No achievements have been set up yet.
          </p>
        )}
      </div>
    </div>
  );
}
