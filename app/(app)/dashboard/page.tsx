import type { Metadata } from 'next';
import Link from 'next/link';
import { InProgressList } from '@/components/dashboard/in-progress-list';
import { LevelCard } from '@/components/dashboard/level-card';
import { RecentAchievements } from '@/components/dashboard/recent-achievements';
import { StatCards } from '@/components/dashboard/stat-cards';
import { StreakCard } from '@/components/dashboard/streak-card';
import { QuestGrid } from '@/components/quests/quest-grid';
import { ButtonLink } from '@/components/ui/button-link';
import { recentAchievements } from '@/lib/achievements/queries';
import { requireSession } from '@/lib/auth/guards';
import { listProgress } from '@/lib/progress/queries';
import { catalogHref } from '@/lib/quests/catalog-params';
import { recommendedQuests } from '@/lib/quests/recommendations';
import { streakSummary } from '@/lib/streaks/queries';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const { user, claims } = await requireSession('/dashboard');
  const [{ progress, stats }, streak, achievements, recommended] = await Promise.all([
    listProgress(claims),
    streakSummary(claims),
    recentAchievements(claims, 5),
    recommendedQuests(claims, 3),
  ]);
  const inProgress = progress.filter((p) => p.status === 'in_progress');
  const firstName = user.fullName?.trim().split(/\s+/)[0];

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{firstName ? `Welcome back, ${firstName}` : 'Your dashboard'}</h1>
        <p className="mt-1 text-slate-600">Your level, streak and what to learn next.</p>
      </header>

      {progress.length === 0 ? (
        <section aria-labelledby="first-quest-heading" className="rounded-2xl bg-brand-50 p-6 ring-1 ring-brand-200">
          <h2 id="first-quest-heading" className="text-xl font-bold tracking-tight text-brand-900">
            Start your first quest
          </h2>
          <p className="mt-1 max-w-2xl text-brand-900">
            Quests are short: read, answer a quiz, then do a real task. Finish one to earn XP, start a streak and unlock
            your first achievement.
          </p>
          <ButtonLink href={catalogHref({ difficulty: 'beginner' })} className="mt-4">
            Browse beginner quests
          </ButtonLink>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
        <div className="min-w-0 space-y-6">
          <LevelCard totalXp={stats.totalXP} />
          <StatCards stats={stats} />
        </div>
        <StreakCard streak={streak} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
        <section aria-labelledby="continue-heading" className="min-w-0">
          <h2 id="continue-heading" className="text-xl font-bold tracking-tight">
            Continue learning
          </h2>
          {inProgress.length ? (
            <InProgressList items={inProgress} />
          ) : (
            <p className="mt-2 text-slate-700">
              Nothing in progress.{' '}
              <Link href="/quests" className="font-semibold text-brand-700 underline hover:text-brand-800">
                Pick a quest
              </Link>{' '}
              to get going.
            </p>
          )}
        </section>
        <div className="lg:self-start">
          <RecentAchievements achievements={achievements} timeZone={user.timeZone ?? streak.timeZone} />
        </div>
      </div>

      <section aria-labelledby="recommended-heading">
        <h2 id="recommended-heading" className="text-xl font-bold tracking-tight">
          Recommended next
        </h2>
        {recommended.length ? (
          <QuestGrid quests={recommended} className="mt-4" />
        ) : (
          <p className="mt-2 text-slate-700">
            You have started every quest we would suggest.{' '}
            <Link href="/quests" className="font-semibold text-brand-700 underline hover:text-brand-800">
              Browse the catalog
            </Link>
            .
          </p>
        )}
      </section>
    </div>
  );
}
