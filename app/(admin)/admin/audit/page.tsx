import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditEntryList } from '@/components/admin/audit/audit-entry-list';
import { AuditFilterForm } from '@/components/admin/audit/audit-filters';
import { requireSuperAdmin } from '@/lib/admin/guards';
import { decodeCursor } from '@/lib/audit/keyset-cursor';
import { listAuditEntries } from '@/lib/audit/queries';
import { auditFiltersFromSearch, auditHref } from '@/lib/audit/schemas';

export const metadata: Metadata = { title: 'Audit log · Admin' };
export const dynamic = 'force-dynamic';

const pager =
  'inline-flex min-h-11 items-center rounded-lg bg-white px-4 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSuperAdmin('/admin/audit');
  const filters = auditFiltersFromSearch(await searchParams);
  // A cursor edited into something else starts over at the newest entries instead of failing.
  if (filters.cursor) {
    try {
      decodeCursor(filters.cursor);
    } catch {
      filters.cursor = undefined;
    }
  }
  const { entries, nextCursor } = await listAuditEntries(session, filters);
  const { cursor, ...withoutCursor } = filters;
  const filtered = Boolean(filters.actor || filters.action || filters.targetType || filters.targetId || filters.from || filters.to);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
        <p className="mt-1 text-slate-600">Every admin action: who did it, what changed, to what, and when. Entries can never be edited or removed.</p>
      </header>
      <AuditFilterForm filters={filters} />
      {entries.length ? (
        <AuditEntryList entries={entries} />
      ) : (
        <div className="rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
          <h2 className="text-lg font-semibold text-slate-900">{cursor ? 'No older entries' : 'No entries'}</h2>
          <p className="mt-1 text-slate-600">
            {filtered ? 'Nothing matches these filters. Widen the dates or clear a filter.' : 'Admin actions will appear here as soon as someone makes one.'}
          </p>
        </div>
      )}
      {cursor || nextCursor ? (
        <nav aria-label="Audit log pages" className="flex flex-wrap justify-between gap-3">
          {cursor ? (
            <Link href={auditHref(withoutCursor)} className={pager}>
              ← Newest entries
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={auditHref({ ...withoutCursor, cursor: nextCursor })} className={pager} rel="next">
              Older entries →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
