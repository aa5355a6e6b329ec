/** The player's shape while the quest loads: same header and card, no layout jump. */
export function PlayerSkeleton() {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-10" role="status">
      <span className="sr-only">Loading quest…</span>
      <div aria-hidden="true" className="animate-pulse rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-6">
        <div className="h-4 w-28 rounded bg-slate-200" />
        <div className="mt-3 h-7 w-3/4 rounded bg-slate-200" />
        <div className="mt-5 h-3 w-full rounded-full bg-slate-100" />
      </div>
      <div aria-hidden="true" className="animate-pulse rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-6">
        <div className="h-6 w-1/2 rounded bg-slate-200" />
        <div className="mt-5 space-y-3">
          <div className="h-4 w-full rounded bg-slate-100" />
          <div className="h-4 w-11/12 rounded bg-slate-100" />
          <div className="h-4 w-4/5 rounded bg-slate-100" />
          <div className="h-24 w-full rounded-lg bg-slate-100" />
        </div>
      </div>
    </div>
  );
}
