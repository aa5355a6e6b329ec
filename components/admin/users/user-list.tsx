import Link from 'next/link';
import { Timestamp } from '@/components/admin/audit/timestamp';
import type { AdminUserListItem } from '@/lib/admin/users/list-users';
import { RoleBadge, StatusBadge, TierBadge } from './user-badges';

const userHref = (id: string) => `/admin/users/${id}`;

function Name({ user }: { user: AdminUserListItem }) {
  return (
    <Link href={userHref(user.id)} className="font-semibold text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
      {user.fullName?.trim() || user.email}
    </Link>
  );
}

function LastSignIn({ iso }: { iso: string | null }) {
  return iso ? <Timestamp iso={iso} /> : <span className="text-slate-600">Never</span>;
}

/** A table on wide screens and a stack of cards on phones: same data, same order. */
export function UserList({ users }: { users: AdminUserListItem[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">User</th>
              <th scope="col" className="px-4 py-3 font-medium">Role and plan</th>
              <th scope="col" className="px-4 py-3 font-medium">Status</th>
              <th scope="col" className="px-4 py-3 font-medium">Joined</th>
              <th scope="col" className="px-4 py-3 font-medium">Last sign-in</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="max-w-xs px-4 py-3 font-normal">
                  <Name user={user} />
                  <span className="block truncate text-slate-600">{user.email}</span>
                </th>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    <RoleBadge role={user.role} />
                    <TierBadge tier={user.tier} />
                  </div>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge suspended={user.suspendedAt !== null} />
                </td>
                <td className="px-4 py-3">
                  <Timestamp iso={user.createdAt} />
                </td>
                <td className="px-4 py-3">
                  <LastSignIn iso={user.lastLoginAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label="User list">
        {users.map((user) => (
          <li key={user.id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <Name user={user} />
            <p className="break-all text-sm text-slate-600">{user.email}</p>
            <div className="mt-2 flex flex-wrap gap-1">
              <RoleBadge role={user.role} />
              <TierBadge tier={user.tier} />
              <StatusBadge suspended={user.suspendedAt !== null} />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Joined</dt>
                <dd>
                  <Timestamp iso={user.createdAt} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Last sign-in</dt>
                <dd>
                  <LastSignIn iso={user.lastLoginAt} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
