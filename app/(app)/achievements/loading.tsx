export default function AchievementsLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6" role="status" aria-label="Loading achievements">
      <div className="h-9 w-56 animate-pulse rounded bg-slate-200" />
      <div className="mt-3 h-5 w-40 animate-pulse rounded bg-slate-100" />
      <div className="mt-10 h-7 w-32 animate-pulse rounded bg-slate-200" />
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="h-36 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
        ))}
      </ul>
      <span className="sr-only">Loading achievements…</span>
    </div>
  );
}
