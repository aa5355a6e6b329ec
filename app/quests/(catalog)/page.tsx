import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterChips } from '@/components/quests/filter-chips';
import { QuestGrid } from '@/components/quests/quest-grid';
import { difficultyLabel } from '@/components/quests/quest-badges';
import { Pagination } from '@/components/ui/pagination';
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
  const params = catalogParamsFromSearch(await searchParams, PAGE_SIZE);
  const [{ quests, pagination }, categories] = await Promise.all([
    listPublishedQuests(null, params),
    listQuestCategories(null),
  ]);
  const filtered = Boolean(params.category || params.difficulty || params.tier);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Quests</h1>
        <p className="mt-2 text-slate-600" aria-live="polite">
          {pagination.total === 1 ? '1 quest' : `${pagination.total} quests`}
          {params.category ? ` in ${params.category}` : ''}
          {params.difficulty ? ` · ${difficultyLabel[params.difficulty]}` : ''}
          {params.tier ? ` · ${params.tier === 'premium' ? 'Premium' : 'Free'}` : ''}
        </p>
      </header>

      <div className="mt-6 space-y-3">
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

      {quests.length === 0 ? (
        <div className="mt-10 rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-lg font-semibold">No quests match these filters</h2>
          <p className="mt-1 text-sm text-slate-600">
            {filtered ? 'Try another track or level.' : 'The catalog is empty. Run `npm run db:seed` to load the demo quests.'}
          </p>
          {filtered ? (
            <Link href="/quests" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
              Clear all filters
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
