import Link from 'next/link';
import { Timestamp } from '@/components/admin/audit/timestamp';
import { formatNumber } from '@/components/dashboard/format';
import type { XpLedgerPage } from '@/lib/admin/users/xp-ledger';

const REASONS = { quest_completed: 'Quest completed', achievement_unlocked: 'Achievement unlocked' } as const;
const pager =
  'inline-flex min-h-11 items-center rounded-lg bg-white px-4 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50';

/**
 * The XP ledger, newest first, one page at a time (keyset: "older" follows the cursor, "newest"
 * starts over). `hrefFor(cursor)` builds the page's URL with the cursor, null for the first page.
 */
export function XpLedgerTable({ page, isFirstPage, hrefFor }: { page: XpLedgerPage; isFirstPage: boolean; hrefFor: (cursor: string | null) => string }) {
  return (
    <>
      {page.entries.length ? (
        <div
          role="region"
          aria-label="XP ledger entries"
          tabIndex={0}
          className="mt-3 overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">XP ledger</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">When</th>
                <th scope="col" className="px-4 py-3 font-medium">Why</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">XP</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3">
                    <Timestamp iso={entry.createdAt} />
                  </td>
                  <td className="px-4 py-3">
                    {REASONS[entry.reason]}
                    {entry.source ? <span className="block text-slate-600">{entry.source.label}</span> : null}
                  </td>
                  <td className="px-4 py-3 text-right font-semibold tabular-nums">+{formatNumber(entry.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2 text-slate-600">{isFirstPage ? 'No XP earned yet.' : 'No older entries.'}</p>
      )}
      {!isFirstPage || page.nextCursor ? (
        <nav aria-label="XP ledger pages" className="mt-3 flex flex-wrap gap-3">
          {!isFirstPage ? (
            <Link href={hrefFor(null)} className={pager} scroll={false}>
              ← Newest entries
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={hrefFor(page.nextCursor)} className={pager} scroll={false} rel="next">
              Older entries →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
