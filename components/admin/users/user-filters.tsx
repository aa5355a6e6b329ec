import Link from 'next/link';
import { ROLES, type UserListParams } from '@/lib/admin/users/schemas';
import { ROLE_LABELS } from './user-badges';

const control =
  'mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const label = 'block text-sm font-medium text-slate-900';

/**
 * Search and filters as a plain GET form: they live in the URL (shareable, back button works) and
 * work without JavaScript. A new search starts at page 1.
 */
export function UserFilters({ params }: { params: UserListParams }) {
  const filtered = Boolean(params.q || params.role || params.tier || params.status || params.sort !== 'created');
  return (
    <form action="/admin/users" method="get" role="search" aria-label="Users" className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="user-search" className={label}>
          Email or name
        </label>
        <input id="user-search" type="search" name="q" defaultValue={params.q ?? ''} maxLength={100} autoComplete="off" placeholder="e.g. ada@ or Lovelace" className={`${control} placeholder:text-slate-500`} />
      </div>
      <div>
        <label htmlFor="user-role" className={label}>
          Role
        </label>
        <select id="user-role" name="role" defaultValue={params.role ?? ''} className={control}>
          <option value="">Any role</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="user-tier" className={label}>
          Plan
        </label>
        <select id="user-tier" name="tier" defaultValue={params.tier ?? ''} className={control}>
          <option value="">Any plan</option>
          <option value="free">Free</option>
          <option value="premium">Premium</option>
        </select>
      </div>
      <div>
        <label htmlFor="user-status" className={label}>
          Status
        </label>
        <select id="user-status" name="status" defaultValue={params.status ?? ''} className={control}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
        </select>
      </div>
      <div>
        <label htmlFor="user-sort" className={label}>
          Sort by
        </label>
        <select id="user-sort" name="sort" defaultValue={params.sort} className={control}>
          <option value="created">Newest sign-up</option>
          <option value="last_login">Latest sign-in</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          Search
        </button>
        {filtered ? (
          <Link href="/admin/users" className="text-sm font-semibold text-brand-700 underline hover:text-brand-800">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
