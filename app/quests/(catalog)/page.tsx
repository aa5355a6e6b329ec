import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterChips } from '@/components/quests/filter-chips';
import { QuestGrid } from '@/components/quests/quest-grid';
import { QuestSearchForm } from '@/components/quests/quest-search-form';
import { difficultyLabel } from '@/components/quests/quest-badges';
import { Pagination } from '@/components/ui/pagination';
import { currentSession } from '@/lib/auth/session';
import { catalogHref, catalogParamsFromSearch } from '@/lib/quests/catalog-params';
import { listPublishedQuests, listQuestCategories } from '@/lib/quests/queries';
import { QUEST_DIFFICULTIES } from '@/lib/quests/schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Quests' };

const PAGE_SIZE = 12;

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [search, session] = await Promise.all([searchParams, currentSession()]);
  const claims = session?.claims ?? null;
  const params = catalogParamsFromSearch(search, PAGE_SIZE);
  // Access and progress on each card are the caller's: the queries run as them.
  const [{ quests, pagination }, categories] = await Promise.all([
    listPublishedQuests(claims, params),
    listQuestCategories(claims),
  ]);
  const filtered = Boolean(params.q || params.category || params.difficulty || params.tier);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Quests</h1>
        <p className="mt-2 text-slate-600" aria-live="polite">
          {pagination.total === 1 ? '1 quest' : `${pagination.total} quests`}
          {params.q ? ` matching “${params.q}”` : ''}
          {params.category ? ` in ${params.category}` : ''}
          {params.difficulty ? ` · ${difficultyLabel[params.difficulty]}` : ''}
          {params.tier ? ` · ${params.tier === 'premium' ? 'Premium' : 'Free'}` : ''}
        </p>
      </header>

      <div className="mt-6 space-y-4">
        <QuestSearchForm params={params} />
        <div className="space-y-3">
          <FilterChips
            label="Track"
            chips={[
              { label: 'All', href: catalogHref({ ...params, category: undefined, page: 1 }), active: !params.category },
              ...categories.map((c) => ({
                label: c.name,
                count: c.count,
                href: catalogHref({ ...params, category: c.name, page: 1 }),
                active: params.category === c.name,
              })),
            ]}
          />
          <FilterChips
            label="Level"
            chips={[
              { label: 'All', href: catalogHref({ ...params, difficulty: undefined, page: 1 }), active: !params.difficulty },
              ...QUEST_DIFFICULTIES.map((d) => ({
                label: difficultyLabel[d],
                href: catalogHref({ ...params, difficulty: d, page: 1 }),
                active: params.difficulty === d,
              })),
            ]}
          />
          <FilterChips
            label="Plan"
            chips={[
              { label: 'All', href: catalogHref({ ...params, tier: undefined, page: 1 }), active: !params.tier },
              { label: 'Free', href: catalogHref({ ...params, tier: 'free', page: 1 }), active: params.tier === 'free' },
              { label: 'Premium', href: catalogHref({ ...params, tier: 'premium', page: 1 }), active: params.tier === 'premium' },
            ]}
          />
        </div>
      </div>

      <h2 className="sr-only">Results</h2>
      {quests.length === 0 ? (
        <div className="mt-10 rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-semibold">
            {params.q ? `No quests match “${params.q}”` : 'No quests match these filters'}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered
              ? params.q
                ? 'Check the spelling, try a shorter word, or search all tracks and levels.'
                : 'Try another track or level.'
              : 'The catalog is empty. Run `npm run db:seed` to load the demo quests.'}
          </p>
          {filtered ? (
            <Link href="/quests" className="mt-4 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
              Clear search and filters
            </Link>
          ) : null}
        </div>
      ) : (
        <QuestGrid quests={quests} className="mt-8" />
      )}

      <Pagination
        page={pagination.page}
        totalPages={pagination.totalPages}
        hrefFor={(page) => catalogHref({ ...params, page })}
      />
    </div>
  );
}
