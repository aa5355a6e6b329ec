import Link from 'next/link';
import { TierBadge } from '@/components/quests/quest-badges';
import type { AdminQuestListItem } from '@/lib/admin/quests/types';
import { QuestStatusBadge } from './quest-status-badge';

const date = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });

function Cover({ url }: { url: string | null }) {
  if (!url) return <span aria-hidden="true" className="block size-12 shrink-0 rounded-lg bg-slate-100 ring-1 ring-slate-200" />;
  // Decorative: the title next to it names the quest.
  return <img src={url} alt="" loading="lazy" className="size-12 shrink-0 rounded-lg object-cover ring-1 ring-slate-200" />;
}

function PlanLabel({ quest }: { quest: AdminQuestListItem }) {
  return quest.tier === 'premium' ? <TierBadge tier="premium" /> : <span className="text-sm text-slate-700">Free</span>;
}

/** The quests as a table on wide screens and as cards on phones (the same facts in both). */
export function QuestTable({ quests }: { quests: AdminQuestListItem[] }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">Quests</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">Quest</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Plan</th>
              <th scope="col" className="px-4 py-3 text-right">Steps</th>
              <th scope="col" className="px-4 py-3 text-right">Learners</th>
              <th scope="col" className="px-4 py-3">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {quests.map((quest) => (
              <tr key={quest.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <div className="flex items-center gap-3">
                    <Cover url={quest.coverImageUrl} />
                    <div className="min-w-0">
                      <Link href={`/admin/quests/${quest.id}`} className="font-semibold break-words text-slate-900 hover:text-brand-700 hover:underline">
                        {quest.title}
                      </Link>
                      <p className="text-xs text-slate-600">
                        <span className="font-mono">{quest.slug}</span> · {quest.category}
                      </p>
                    </div>
                  </div>
                </td>
                <td className="px-4 py-3">
                  <QuestStatusBadge status={quest.status} />
                </td>
                <td className="px-4 py-3">
                  <PlanLabel quest={quest} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{quest.stepCount}</td>
                <td className="px-4 py-3 text-right tabular-nums">{quest.learnerCount}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                  <time dateTime={quest.updatedAt}>{date(quest.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {quests.map((quest) => (
          <li key={quest.id} className="relative rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-brand-600">
            <div className="flex items-start gap-3">
              <Cover url={quest.coverImageUrl} />
              <div className="min-w-0 flex-1">
                <h3 className="font-semibold break-words text-slate-900">
                  <Link href={`/admin/quests/${quest.id}`} className="after:absolute after:inset-0 focus:outline-none">
                    {quest.title}
                  </Link>
                </h3>
                <p className="text-xs break-all text-slate-600">
                  <span className="font-mono">{quest.slug}</span> · {quest.category}
                </p>
              </div>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <QuestStatusBadge status={quest.status} />
              <PlanLabel quest={quest} />
            </div>
            <dl className="mt-3 grid grid-cols-3 gap-2 text-xs text-slate-600">
              <div>
                <dt>Steps</dt>
                <dd className="text-sm font-semibold text-slate-900">{quest.stepCount}</dd>
              </div>
              <div>
                <dt>Learners</dt>
                <dd className="text-sm font-semibold text-slate-900">{quest.learnerCount}</dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd className="text-sm text-slate-900">
                  <time dateTime={quest.updatedAt}>{date(quest.updatedAt)}</time>
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
