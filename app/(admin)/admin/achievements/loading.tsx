/** The achievement list's shape while it loads. */
export default function AdminAchievementsLoading() {
  return (
    <div className="space-y-6" role="status">
      <span className="sr-only">Loading achievements…</span>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        <div className="h-8 w-48 rounded bg-slate-200" />
        <div className="h-4 w-32 rounded bg-slate-100" />
      </div>
      <div aria-hidden="true" className="h-11 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      <div aria-hidden="true" className="animate-pulse space-y-2 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-3 py-2">
            <div className="h-4 flex-1 rounded bg-slate-100" />
            <div className="h-5 w-20 rounded-full bg-slate-100" />
            <div className="hidden h-4 w-48 rounded bg-slate-100 sm:block" />
            <div className="h-4 w-10 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
