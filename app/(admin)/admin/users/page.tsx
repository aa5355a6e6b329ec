import type { Metadata } from 'next';
import { UserFilters } from '@/components/admin/users/user-filters';
import { UserList } from '@/components/admin/users/user-list';
import { Pagination } from '@/components/ui/pagination';
import { listUsers } from '@/lib/admin/users/list-users';
import { userListHref, userListParamsFromSearch } from '@/lib/admin/users/schemas';
import { requirePermission } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Users · Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePermission('manage:users', '/admin/users');
  const params = userListParamsFromSearch(await searchParams);
  const { users, pagination } = await listUsers(session, params);
  const filtered = Boolean(params.q || params.role || params.tier || params.status);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Users</h1>
        <p className="mt-1 text-slate-600">Find learners, see their progress, change roles, suspend and reinstate accounts.</p>
      </header>
      <UserFilters params={params} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {pagination.total === 1 ? '1 user' : `${pagination.total.toLocaleString('en-US')} users`}
        {filtered ? ' match these filters' : ''}
      </p>
      {users.length ? (
        <UserList users={users} />
      ) : (
        <div className="rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
          <h2 className="text-lg font-semibold text-slate-900">No users found</h2>
          <p className="mt-1 text-slate-600">
            {filtered ? 'Try part of the email or name, or clear a filter.' : 'Nobody has signed up yet.'}
          </p>
        </div>
      )}
      <Pagination page={pagination.page} totalPages={pagination.totalPages} hrefFor={(page) => userListHref({ ...params, page })} />
    </div>
  );
}
