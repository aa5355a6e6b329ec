const block = 'animate-pulse rounded-2xl bg-white ring-1 ring-slate-200';

export default function AnalyticsLoading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading analytics">
      <div>
        <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-72 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className={`h-28 ${block}`} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className={`h-24 ${block}`} />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <div className={`h-80 ${block}`} />
        <div className={`h-80 ${block}`} />
      </div>
      <div className={`h-64 ${block}`} />
      <div className={`h-72 ${block}`} />
      <span className="sr-only">Loading analytics…</span>
    </div>
  );
}
