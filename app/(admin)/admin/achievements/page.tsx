import type { Metadata } from 'next';
import Link from 'next/link';
import { AchievementSearch } from '@/components/admin/achievements/achievement-search';
import { AchievementTable } from '@/components/admin/achievements/achievement-table';
import { FormAlert } from '@/components/forms/form-alert';
import { ButtonLink } from '@/components/ui/button-link';
import { Pagination } from '@/components/ui/pagination';
import { listAdminAchievements } from '@/lib/admin/achievements/queries';
import { listAchievementsQuerySchema, type ListAchievementsQuery } from '@/lib/admin/achievements/schemas';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Achievements · Admin' };

type Search = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Search> };

/** The URL's search and page; anything unreadable falls back to the first page of everything. */
function paramsFrom(search: Search): ListAchievementsQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = listAchievementsQuerySchema.safeParse({ q: first(search.q), page: first(search.page) });
  return parsed.success ? parsed.data : listAchievementsQuerySchema.parse({});
}

const hrefFor = (params: ListAchievementsQuery, page: number) => {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/admin/achievements?${text}` : '/admin/achievements';
};

/** Every achievement with its rarity, criterion in words, XP and how many learners hold it. */
export default async function AdminAchievementsPage({ searchParams }: Props) {
  const [session, search] = await Promise.all([requirePermission('update:quests', '/admin/achievements'), searchParams]);
  const params = paramsFrom(search);
  const { achievements, pagination } = await listAdminAchievements(session.claims, params);
  const notice = search.notice === 'deleted' ? 'The achievement was deleted.' : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Achievements</h1>
          <p className="mt-1 text-slate-600">
            {pagination.total === 1 ? '1 achievement' : `${pagination.total.toLocaleString('en-US')} achievements`}
            {params.q ? ` match “${params.q}”` : ''}
          </p>
        </div>
        {can(session.user, 'create:quests') ? <ButtonLink href="/admin/achievements/new">New achievement</ButtonLink> : null}
      </header>

      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}

      <AchievementSearch q={params.q} />

      <h2 className="sr-only">Results</h2>
      {achievements.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-semibold">{params.q ? 'No achievements match this search' : 'No achievements yet'}</p>
          <p className="mt-1 text-sm text-slate-600">
            {params.q
              ? 'Try another name or slug.'
              : 'Create the first one, or run `npm run db:seed` for the demo catalog’s achievements.'}
          </p>
          {params.q ? (
            <Link href="/admin/achievements" className="mt-4 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
              Clear the search
            </Link>
          ) : null}
        </div>
      ) : (
        <AchievementTable achievements={achievements} />
      )}

      <Pagination page={pagination.page} totalPages={pagination.totalPages} hrefFor={(page) => hrefFor(params, page)} />
    </div>
  );
}
