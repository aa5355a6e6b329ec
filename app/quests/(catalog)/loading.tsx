import { QuestCardSkeleton } from '@/components/quests/quest-card-skeleton';

export default function CatalogLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6" role="status" aria-label="Loading quests">
      <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
      <div className="mt-3 h-5 w-24 animate-pulse rounded bg-slate-100" />
      <div className="mt-6 h-11 w-full max-w-md animate-pulse rounded-lg bg-slate-200" />
      <div className="mt-4 flex flex-wrap gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-9 w-20 animate-pulse rounded-full bg-slate-200" />
        ))}
      </div>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i}>
            <QuestCardSkeleton />
          </li>
        ))}
      </ul>
      <span className="sr-only">Loading quests…</span>
    </div>
  );
}
