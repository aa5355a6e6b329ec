import type { CatalogParams } from '@/lib/quests/catalog-params';

/**
 * Title search for the catalog: a plain GET form, so it works before (or without) JavaScript and
 * the query lives in the URL. The other filters ride along as hidden fields; a new search starts
 * at page 1.
 */
export function QuestSearchForm({ params }: { params: CatalogParams }) {
  return (
    <form action="/quests" method="get" role="search" aria-label="Quests" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1 sm:max-w-md">
        <label htmlFor="quest-search" className="block text-sm font-medium text-slate-900">
          Search quests
        </label>
        <input
          id="quest-search"
          type="search"
          name="q"
          defaultValue={params.q ?? ''}
          maxLength={100}
          placeholder="e.g. SQL, Docker, forms"
          autoComplete="off"
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
      {params.category ? <input type="hidden" name="category" value={params.category} /> : null}
      {params.difficulty ? <input type="hidden" name="difficulty" value={params.difficulty} /> : null}
      {params.tier ? <input type="hidden" name="tier" value={params.tier} /> : null}
      <button
        type="submit"
        className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
      >
        Search
      </button>
    </form>
  );
}
