import Link from 'next/link';
import { FilterChips } from '@/components/quests/filter-chips';
import { difficultyLabel } from '@/components/quests/quest-badges';
import type { QuestListQuery } from '@/lib/admin/quests/schemas';
import { QUEST_DIFFICULTIES } from '@/lib/quests/schemas';
import { adminQuestsHref } from './list-params';
import { inputClass, labelClass, primaryButton } from '@/components/admin/styles';

const STATUS_CHIPS = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
] as const;

/**
 * Status as links (one click each), then search and the other filters as a plain GET form: the
 * filters live in the URL, work without JavaScript, and a new search starts at page 1.
 */
export function QuestListFilters({ params, categories }: { params: QuestListQuery; categories: string[] }) {
  const filtered = Boolean(params.q || params.category || params.difficulty || params.tier || params.status !== 'all');
  return (
    <div className="space-y-4">
      <FilterChips
        label="Status"
        chips={STATUS_CHIPS.map((s) => ({
          label: s.label,
          href: adminQuestsHref({ ...params, status: s.value, page: 1 }),
          active: params.status === s.value,
        }))}
      />
      <form action="/admin/quests" method="get" role="search" aria-label="Quests" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        {params.status !== 'all' ? <input type="hidden" name="status" value={params.status} /> : null}
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="admin-quest-search" className={labelClass}>
            Search title or slug
          </label>
          <input id="admin-quest-search" type="search" name="q" defaultValue={params.q ?? ''} maxLength={100} autoComplete="off" className={inputClass(false)} />
        </div>
        <div>
          <label htmlFor="admin-quest-category" className={labelClass}>
            Category
          </label>
          <select id="admin-quest-category" name="category" defaultValue={params.category ?? ''} className={inputClass(false)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="admin-quest-difficulty" className={labelClass}>
            Difficulty
          </label>
          <select id="admin-quest-difficulty" name="difficulty" defaultValue={params.difficulty ?? ''} className={inputClass(false)}>
            <option value="">Any difficulty</option>
            {QUEST_DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {difficultyLabel[d]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="admin-quest-tier" className={labelClass}>
            Plan
          </label>
          <select id="admin-quest-tier" name="tier" defaultValue={params.tier ?? ''} className={inputClass(false)}>
            <option value="">Any plan</option>
            <option value="free">Free</option>
            <option value="premium">Premium</option>
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className={`${primaryButton} w-full sm:w-auto`}>
            Apply
          </button>
          {filtered ? (
            <Link href="/admin/quests" className="text-sm font-medium whitespace-nowrap text-brand-700 underline hover:text-brand-800">
              Clear all
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
