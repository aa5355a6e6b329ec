import Link from 'next/link';
import type { AuditEntry } from '@/lib/audit/queries';
import { auditHref } from '@/lib/audit/schemas';
import { AuditDiff } from './audit-diff';
import { Timestamp } from './timestamp';

const ACTION_LABELS: Record<string, string> = {
  'user.role_change': 'Changed role',
  'user.permissions_change': 'Changed admin permissions',
  'user.suspend': 'Suspended account',
  'user.reinstate': 'Reinstated account',
};

/** Areas with a page of their own, so an entry can link to what it changed. */
function targetHref(entry: AuditEntry): string | null {
  if (!entry.targetId) return null;
  if (entry.targetType === 'user') return `/admin/users/${entry.targetId}`;
  return null;
}

function Who({ entry }: { entry: AuditEntry }) {
  return entry.actorId ? (
    <Link href={auditHref({ actor: entry.actorId })} className="break-all text-brand-700 underline-offset-2 hover:underline" title="Show this admin’s actions">
      {entry.actorEmail}
    </Link>
  ) : (
    <span className="break-all">{entry.actorEmail} <span className="text-slate-600">(account deleted)</span></span>
  );
}

function What({ entry }: { entry: AuditEntry }) {
  return (
    <>
      <span className="font-medium text-slate-900">{ACTION_LABELS[entry.action] ?? entry.action}</span>
      <code className="block text-xs text-slate-600">{entry.action}</code>
    </>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  const href = targetHref(entry);
  const label = entry.targetLabel ?? entry.targetId ?? '—';
  return (
    <>
      <span className="text-xs uppercase tracking-wide text-slate-600">{entry.targetType.replace('_', ' ')}</span>
      {href ? (
        <Link href={href} className="block break-all text-brand-700 underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="block break-all">{label}</span>
      )}
    </>
  );
}

/**
 * Audit entries: who, what, target, when and the changed fields. A table on wide screens, cards
 * on phones. `showTarget` is off where the page is already about one target.
 */
export function AuditEntryList({ entries, showTarget = true }: { entries: AuditEntry[]; showTarget?: boolean }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">When</th>
              <th scope="col" className="px-4 py-3 font-medium">Who</th>
              <th scope="col" className="px-4 py-3 font-medium">What</th>
              {showTarget ? <th scope="col" className="px-4 py-3 font-medium">Target</th> : null}
              <th scope="col" className="px-4 py-3 font-medium">Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="whitespace-nowrap px-4 py-3">
                  <Timestamp iso={entry.createdAt} />
                </td>
                <td className="max-w-[14rem] px-4 py-3">
                  <Who entry={entry} />
                </td>
                <td className="px-4 py-3">
                  <What entry={entry} />
                </td>
                {showTarget ? (
                  <td className="max-w-[14rem] px-4 py-3">
                    <Target entry={entry} />
                  </td>
                ) : null}
                <td className="min-w-[16rem] px-4 py-3">
                  <AuditDiff entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Audit entries, newest first">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-2 rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <What entry={entry} />
            <p>
              by <Who entry={entry} />
            </p>
            {showTarget ? (
              <div>
                <Target entry={entry} />
              </div>
            ) : null}
            <Timestamp iso={entry.createdAt} />
            <AuditDiff entry={entry} />
          </li>
        ))}
      </ul>
    </>
  );
}
