import type { Metadata } from 'next';
import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { adminQuestParamsFromSearch, adminQuestsHref } from '@/components/admin/quests/list-params';
import { QuestListFilters } from '@/components/admin/quests/quest-list-filters';
import { QuestTable } from '@/components/admin/quests/quest-table';
import { ButtonLink } from '@/components/ui/button-link';
import { Pagination } from '@/components/ui/pagination';
import { listAdminQuests, questOptions } from '@/lib/admin/quests/queries';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Quests · Admin' };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every quest (drafts, published, archived) with search, filters and paging kept in the URL. */
export default async function AdminQuestsPage({ searchParams }: Props) {
  const [session, search] = await Promise.all([requirePermission('update:quests', '/admin/quests'), searchParams]);
  const params = adminQuestParamsFromSearch(search, PAGE_SIZE);
  const [{ quests, pagination }, options] = await Promise.all([listAdminQuests(session, params), questOptions(session)]);
  const filtered = Boolean(params.q || params.category || params.difficulty || params.tier || params.status !== 'all');
  const notice = search.notice === 'deleted' ? 'The quest was deleted.' : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Quests</h1>
          <p className="mt-1 text-slate-600" aria-live="polite">
            {pagination.total === 1 ? '1 quest' : `${pagination.total} quests`}
            {filtered ? ' match these filters' : ''}
          </p>
        </div>
        {can(session.user, 'create:quests') ? <ButtonLink href="/admin/quests/new">New quest</ButtonLink> : null}
      </header>

      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}

      <QuestListFilters params={params} categories={options.categories} />

      <h2 className="sr-only">Results</h2>
      {quests.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-semibold">{filtered ? 'No quests match these filters' : 'No quests yet'}</p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered ? 'Try another search or clear the filters.' : 'Create the first quest, or run `npm run db:seed` for the demo catalog.'}
          </p>
          {filtered ? (
            <Link href="/admin/quests" className="mt-4 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
              Clear search and filters
            </Link>
          ) : null}
        </div>
      ) : (
        <QuestTable quests={quests} />
      )}

      <Pagination page={pagination.page} totalPages={pagination.totalPages} hrefFor={(page) => adminQuestsHref({ ...params, page })} />
    </div>
  );
}
