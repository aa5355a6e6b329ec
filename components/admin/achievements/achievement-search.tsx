import Link from 'next/link';
import { inputClass, secondaryButton } from '@/components/admin/styles';

/** Search by name or slug; a plain GET form, so it works before any script loads. */
export function AchievementSearch({ q }: { q?: string }) {
  return (
    <form role="search" action="/admin/achievements" method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="achievement-search" className="block text-sm font-medium text-slate-900">
          Search achievements
        </label>
        <input id="achievement-search" name="q" type="search" defaultValue={q ?? ''} maxLength={100} placeholder="Name or slug" className={inputClass(false)} />
      </div>
      <div className="flex gap-3">
        <button type="submit" className={secondaryButton}>
          Search
        </button>
        {q ? (
          <Link href="/admin/achievements" className={secondaryButton}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
