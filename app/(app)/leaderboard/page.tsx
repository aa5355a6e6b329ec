import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate, formatNumber } from '@/components/dashboard/format';
import { LeaderboardTable } from '@/components/dashboard/leaderboard-table';
import { requireSession } from '@/lib/auth/guards';
import { weeklyLeaderboard } from '@/lib/leaderboard/queries';

export const metadata: Metadata = { title: 'Leaderboard' };
export const dynamic = 'force-dynamic';

export default async function LeaderboardPage() {
  const { claims } = await requireSession('/leaderboard');
  const board = await weeklyLeaderboard(claims, 50);
  const { me } = board;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Leaderboard</h1>
        <p className="mt-2 text-slate-700">
          This week’s top learners by XP earned since{' '}
          <time dateTime={board.weekStartsAt}>{formatDate(board.weekStartsAt, 'UTC')}</time>. The board resets every
          Monday at 00:00 UTC.
        </p>
      </header>

      <section aria-labelledby="my-rank-heading" className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="my-rank-heading" className="font-semibold">
          Your week
        </h2>
        {!me.optedIn ? (
          <p className="mt-1 text-sm text-slate-700">
            You are not on the leaderboard, so others cannot see your name or XP. You have earned{' '}
            {formatNumber(me.xp)} XP this week.{' '}
            <Link href="/settings#learning-preferences-heading" className="font-semibold text-brand-700 underline hover:text-brand-800">
              Join the leaderboard in settings
            </Link>
            .
          </p>
        ) : me.rank !== null ? (
          <p className="mt-1 text-sm text-slate-700">
            You are <span className="font-semibold text-slate-900">#{me.rank}</span> with{' '}
            <span className="font-semibold text-slate-900">{formatNumber(me.xp)} XP</span> this week.
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">Earn XP this week to appear on the board.</p>
        )}
      </section>

      <section aria-labelledby="top-heading" className="mt-8">
        <h2 id="top-heading" className="text-xl font-bold tracking-tight">
          Top {board.entries.length || 50} this week
        </h2>
        {board.entries.length ? (
          <LeaderboardTable entries={board.entries} />
        ) : (
          <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
            No one on the board has earned XP this week yet. Finish a quest to take the top spot.
          </p>
        )}
      </section>
    </div>
  );
}
