import Link from 'next/link';
import type { QuestOverview } from '@/lib/quests/queries';

/**
 * A quest's prerequisites, each marked done or not done in words as well as with a tick. Signed-out
 * visitors have no progress, so they see the plain list (`showStatus={false}`).
 */
export function PrerequisiteList({
  prerequisites,
  showStatus = true,
}: {
  prerequisites: QuestOverview['prerequisites'];
  showStatus?: boolean;
}) {
  return (
    <ul className="mt-3 space-y-2">
      {prerequisites.map((p) => (
        <li key={p.id} className="flex items-start gap-2">
          {!showStatus ? (
            <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-slate-400" />
          ) : p.completed ? (
            <span aria-hidden="true" className="mt-0.5 grid size-5 shrink-0 place-items-center rounded-full bg-emerald-600 text-xs font-bold text-white">
              ✓
            </span>
          ) : (
            <span aria-hidden="true" className="mt-0.5 size-5 shrink-0 rounded-full border-2 border-slate-400" />
          )}
          <span>
            <Link href={`/quests/${p.slug}`} className="font-medium text-brand-700 underline hover:text-brand-800">
              {p.title}
            </Link>
            {showStatus ? (
              <span className={`ml-2 text-sm ${p.completed ? 'text-emerald-800' : 'text-slate-600'}`}>
                {p.completed ? 'Completed' : 'Not completed yet'}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
