import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditEntryList } from '@/components/admin/audit/audit-entry-list';
import { Timestamp } from '@/components/admin/audit/timestamp';
import { RoleBadge, StatusBadge, TierBadge } from '@/components/admin/users/user-badges';
import { UserActions } from '@/components/admin/users/user-actions';
import { UserOverview } from '@/components/admin/users/user-overview';
import { UserProgressTable } from '@/components/admin/users/user-progress-table';
import { XpLedgerTable } from '@/components/admin/users/xp-ledger-table';
import { formatDate } from '@/components/dashboard/format';
import { getUserDetail } from '@/lib/admin/users/user-detail';
import { auditHref } from '@/lib/audit/schemas';
import { decodeCursor } from '@/lib/audit/keyset-cursor';
import { requirePermission } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'User · Admin' };
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor from the URL, or none when it was edited into something that is not one. */
function validCursor(value: string | string[] | undefined): string | undefined {
  const cursor = Array.isArray(value) ? value[0] : value;
  if (!cursor) return undefined;
  try {
    decodeCursor(cursor);
    return cursor;
  } catch {
    return undefined;
  }
}

export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const session = await requirePermission('manage:users', `/admin/users/${id}`);
  if (!UUID.test(id)) notFound();
  const xpCursor = validCursor((await searchParams).xp);
  const detail = await getUserDetail(session, id, { xpCursor });
  if (!detail) notFound();
  const { profile } = detail;
  const xpHref = (cursor: string | null) => (cursor ? `/admin/users/${id}?xp=${encodeURIComponent(cursor)}#xp-heading` : `/admin/users/${id}#xp-heading`);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href="/admin/users" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
          ← All users
        </Link>
        <h1 className="break-words text-3xl font-bold tracking-tight">{profile.fullName?.trim() || profile.email}</h1>
        <p className="break-all text-slate-600">{profile.email}</p>
        <div className="flex flex-wrap gap-1">
          <RoleBadge role={profile.role} />
          <TierBadge tier={profile.tier} />
          <StatusBadge suspended={profile.suspendedAt !== null} />
        </div>
      </header>

      {profile.suspendedAt ? (
        <div role="status" className="rounded-2xl bg-rose-50 p-4 text-rose-900 ring-1 ring-rose-200">
          <p className="font-semibold">
            Suspended <Timestamp iso={profile.suspendedAt} layout="inline" />
          </p>
          {profile.suspendedReason ? <p className="mt-1">Reason: {profile.suspendedReason}</p> : null}
        </div>
      ) : null}

      <UserOverview detail={detail} />

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading" className="mb-3 text-xl font-bold tracking-tight">
          Manage account
        </h2>
        <UserActions actor={session.user} profile={profile} />
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading" className="text-xl font-bold tracking-tight">
          Quest progress
        </h2>
        <UserProgressTable progress={detail.progress} />
      </section>

      <section aria-labelledby="xp-heading">
        <h2 id="xp-heading" className="text-xl font-bold tracking-tight">
          XP ledger
        </h2>
        <XpLedgerTable page={detail.xp} isFirstPage={!xpCursor} hrefFor={xpHref} />
      </section>

      <section aria-labelledby="achievements-heading">
        <h2 id="achievements-heading" className="text-xl font-bold tracking-tight">
          Achievements
        </h2>
        {detail.achievements.length ? (
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {detail.achievements.map((a) => (
              <li key={a.id} className="rounded-xl bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
                <span className="font-semibold text-slate-900">{a.name}</span>
                <span className="block text-slate-600">
                  {a.rarity} · unlocked {formatDate(a.unlockedAt)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-600">No achievements unlocked yet.</p>
        )}
      </section>

      {detail.audit ? (
        <section aria-labelledby="history-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="history-heading" className="text-xl font-bold tracking-tight">
              Account history
            </h2>
            <Link href={auditHref({ targetType: 'user', targetId: profile.id })} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
              Open in the audit log
            </Link>
          </div>
          {detail.audit.entries.length ? (
            <AuditEntryList entries={detail.audit.entries} showTarget={false} />
          ) : (
            <p className="text-slate-600">No admin has changed this account yet.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
