import type { LeaderboardEntry } from '@/lib/leaderboard/queries';
import { formatNumber } from './format';

/** Rank, name and XP; the learner's own row is highlighted and says "(you)" in words. */
export function LeaderboardTable({ entries }: { entries: LeaderboardEntry[] }) {
  return (
    <div className="mt-4 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">This week’s leaderboard</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="w-16 px-3 py-2 font-medium sm:w-20 sm:px-4">
              Rank
            </th>
            <th scope="col" className="px-3 py-2 font-medium sm:px-4">
              Learner
            </th>
            <th scope="col" className="w-24 px-3 py-2 text-right font-medium sm:w-28 sm:px-4">
              XP
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry, i) => (
            <tr
              key={i}
              aria-current={entry.isMe ? 'true' : undefined}
              className={entry.isMe ? 'bg-brand-50 font-semibold text-brand-900' : 'text-slate-800'}
            >
              <td className="px-3 py-2.5 tabular-nums sm:px-4">#{entry.rank}</td>
              <th scope="row" className="truncate px-3 py-2.5 font-[inherit] sm:px-4">
                {entry.displayName}
                {entry.isMe ? ' (you)' : ''}
              </th>
              <td className="px-3 py-2.5 text-right tabular-nums sm:px-4">{formatNumber(entry.xp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
