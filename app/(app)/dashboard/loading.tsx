const block = 'animate-pulse rounded-2xl bg-white ring-1 ring-slate-200';

export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:px-6" role="status" aria-label="Loading your dashboard">
      <div>
        <div className="h-9 w-64 max-w-full animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-48 animate-pulse rounded bg-slate-100" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
        <div className="space-y-6">
          <div className={`h-32 ${block}`} />
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <div key={i} className={`h-20 ${block}`} />
            ))}
          </div>
        </div>
        <div className={`h-72 ${block}`} />
      </div>
      <div className={`h-40 ${block}`} />
      <span className="sr-only">Loading your dashboard…</span>
    </div>
  );
}
