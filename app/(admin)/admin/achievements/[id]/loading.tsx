/** The achievement editor's shape while it loads. */
export default function EditAchievementLoading() {
  return (
    <div className="space-y-6" role="status">
      <span className="sr-only">Loading the achievement…</span>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        <div className="h-4 w-28 rounded bg-slate-100" />
        <div className="h-8 w-64 max-w-full rounded bg-slate-200" />
        <div className="h-5 w-48 rounded bg-slate-100" />
      </div>
      <div aria-hidden="true" className="h-80 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
      <div aria-hidden="true" className="h-56 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
    </div>
  );
}
