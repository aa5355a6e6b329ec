import { changedFields, formatAuditValue } from '@/lib/audit/diff';
import type { AuditEntry } from '@/lib/audit/queries';

/**
 * The keys an entry changed, before → after, behind a disclosure (keyboard and screen-reader
 * friendly as a native <details>). Unchanged keys are left out.
 */
export function AuditDiff({ entry }: { entry: Pick<AuditEntry, 'before' | 'after'> }) {
  const changes = changedFields(entry.before, entry.after);
  if (!changes.length) return <span className="text-slate-600">No field changes recorded</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer rounded text-sm font-semibold text-brand-700 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600">
        {changes.length === 1 ? `1 change: ${changes[0]!.key}` : `${changes.length} changes`}
      </summary>
      <table className="mt-2 w-full text-left text-xs">
        <caption className="sr-only">Changed fields, before and after</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Field</th>
            <th scope="col" className="py-1 pr-3 font-medium">Before</th>
            <th scope="col" className="py-1 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="align-top">
          {changes.map((change) => (
            <tr key={change.key} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 font-mono font-normal text-slate-800">{change.key}</th>
              <td className="py-1 pr-3">
                <del className="break-all bg-rose-50 px-1 text-rose-900 decoration-rose-400">{formatAuditValue(change.before)}</del>
              </td>
              <td className="py-1">
                <ins className="break-all bg-emerald-50 px-1 text-emerald-900 no-underline">{formatAuditValue(change.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
