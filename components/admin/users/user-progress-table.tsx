import { Timestamp } from '@/components/admin/audit/timestamp';
import { formatDuration } from '@/components/dashboard/format';
import { Badge } from '@/components/ui/badge';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { AdminUserProgress } from '@/lib/admin/users/user-detail';

/** Each quest the learner started: status, how far, score, time and when. */
export function UserProgressTable({ progress }: { progress: AdminUserProgress[] }) {
  if (!progress.length) return <p className="mt-2 text-slate-600">No quests started yet.</p>;
  return (
    // Focusable so keyboard users can scroll it sideways on a narrow screen.
    <div
      role="region"
      aria-label="Progress per quest"
      tabIndex={0}
      className="mt-3 overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Progress per quest</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Quest</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="w-40 px-4 py-3 font-medium">Progress</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Score</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Time</th>
            <th scope="col" className="px-4 py-3 font-medium">Last activity</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {progress.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                {p.quest.title}
                <span className="block text-xs font-normal text-slate-600">{p.quest.slug}</span>
              </th>
              <td className="px-4 py-3">
                {p.status === 'completed' ? <Badge tone="green">Completed</Badge> : <Badge tone="brand">In progress</Badge>}
              </td>
              <td className="px-4 py-3">
                <ProgressBar value={p.progressPercentage} label={`Progress in ${p.quest.title}`} valueText={`${p.progressPercentage}%`} />
                <span className="mt-1 block text-xs tabular-nums text-slate-700">{p.progressPercentage}%</span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{p.score === null ? '—' : `${p.score}%`}</td>
              <td className="px-4 py-3 text-right">{formatDuration(p.timeSpent)}</td>
              <td className="px-4 py-3">
                <Timestamp iso={p.completedAt ?? p.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
