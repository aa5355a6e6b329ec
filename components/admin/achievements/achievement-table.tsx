import Link from 'next/link';
import { RarityBadge } from '@/components/achievements/rarity-badge';
import { Badge } from '@/components/ui/badge';
import type { AdminAchievement } from '@/lib/admin/achievements/types';

const number = (n: number) => n.toLocaleString('en-US');

function Criterion({ achievement }: { achievement: AdminAchievement }) {
  return achievement.criteria ? (
    <span>{achievement.criterion}</span>
  ) : (
    <Badge tone="amber">Criterion unreadable: fix it</Badge>
  );
}

/** The achievements as a table on wide screens and as cards on phones (the same facts in both). */
export function AchievementTable({ achievements }: { achievements: AdminAchievement[] }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">Achievements</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">Achievement</th>
              <th scope="col" className="px-4 py-3">Rarity</th>
              <th scope="col" className="px-4 py-3">How it is earned</th>
              <th scope="col" className="px-4 py-3 text-right">XP</th>
              <th scope="col" className="px-4 py-3 text-right">Unlocked by</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {achievements.map((a) => (
              <tr key={a.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/admin/achievements/${a.id}`} className="font-semibold break-words text-slate-900 hover:text-brand-700 hover:underline">
                    {a.name}
                  </Link>
                  <p className="font-mono text-xs text-slate-600">{a.slug}</p>
                </td>
                <td className="px-4 py-3">
                  <RarityBadge rarity={a.rarity} />
                </td>
                <td className="px-4 py-3 text-slate-700">
                  <Criterion achievement={a} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{number(a.xpReward)}</td>
                <td className="px-4 py-3 text-right tabular-nums">
                  {number(a.unlockCount)} <span className="sr-only">learners</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {achievements.map((a) => (
          <li key={a.id} className="relative rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-brand-600">
            <div className="flex items-start justify-between gap-3">
              <h3 className="min-w-0 font-semibold break-words text-slate-900">
                <Link href={`/admin/achievements/${a.id}`} className="after:absolute after:inset-0 focus:outline-none">
                  {a.name}
                </Link>
              </h3>
              <RarityBadge rarity={a.rarity} />
            </div>
            <p className="font-mono text-xs break-all text-slate-600">{a.slug}</p>
            <p className="mt-2 text-sm text-slate-700">
              <Criterion achievement={a} />
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-xs text-slate-600">
              <div>
                <dt>XP</dt>
                <dd className="text-sm font-semibold text-slate-900 tabular-nums">{number(a.xpReward)}</dd>
              </div>
              <div>
                <dt>Unlocked by</dt>
                <dd className="text-sm font-semibold text-slate-900 tabular-nums">
                  {number(a.unlockCount)} learner{a.unlockCount === 1 ? '' : 's'}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
