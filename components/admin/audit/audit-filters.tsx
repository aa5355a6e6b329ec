import Link from 'next/link';
import type { AuditFilters } from '@/lib/audit/schemas';

const control =
  'mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const label = 'block text-sm font-medium text-slate-900';

const KNOWN_ACTIONS = [
  ['user', 'Any user action'],
  ['user.role_change', 'Role changes'],
  ['user.permissions_change', 'Permission changes'],
  ['user.suspend', 'Suspensions'],
  ['user.reinstate', 'Reinstatements'],
  ['quest', 'Any quest action'],
  ['achievement', 'Any achievement action'],
  ['media', 'Any media action'],
] as const;

/** Filters as a GET form, so they live in the URL; a new filter starts from the newest entries. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const known = KNOWN_ACTIONS.some(([value]) => value === filters.action);
  const filtered = Boolean(filters.actor || filters.action || filters.targetType || filters.targetId || filters.from || filters.to);
  return (
    <form action="/admin/audit" method="get" role="search" aria-label="Audit log" className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3">
      <div>
        <label htmlFor="audit-actor" className={label}>
          Actor
        </label>
        <input id="audit-actor" name="actor" type="search" defaultValue={filters.actor ?? ''} maxLength={255} placeholder="Email or user id" autoComplete="off" className={control} />
      </div>
      <div>
        <label htmlFor="audit-action" className={label}>
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ''} className={control}>
          <option value="">Any action</option>
          {!known && filters.action ? <option value={filters.action}>{filters.action}</option> : null}
          {KNOWN_ACTIONS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="audit-target-type" className={label}>
            Target type
          </label>
          <input id="audit-target-type" name="targetType" defaultValue={filters.targetType ?? ''} maxLength={40} placeholder="user" autoComplete="off" className={control} />
        </div>
        <div>
          <label htmlFor="audit-target-id" className={label}>
            Target id
          </label>
          <input id="audit-target-id" name="targetId" defaultValue={filters.targetId ?? ''} maxLength={100} autoComplete="off" className={control} />
        </div>
      </div>
      <div>
        <label htmlFor="audit-from" className={label}>
          From (UTC day)
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} className={control} />
      </div>
      <div>
        <label htmlFor="audit-to" className={label}>
          To (UTC day, included)
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} className={control} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          Filter
        </button>
        {filtered ? (
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline hover:text-brand-800">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
