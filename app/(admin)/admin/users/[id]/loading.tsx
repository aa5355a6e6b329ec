const block = 'animate-pulse rounded-2xl bg-white ring-1 ring-slate-200';

export default function AdminUserLoading() {
  return (
    <div className="space-y-8" role="status" aria-label="Loading the user">
      <div className="space-y-2">
        <div className="h-4 w-24 animate-pulse rounded bg-slate-100" />
        <div className="h-9 w-72 max-w-full animate-pulse rounded bg-slate-200" />
        <div className="h-5 w-56 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className={`h-56 ${block}`} />
        <div className={`h-56 ${block}`} />
      </div>
      <div className={`h-40 ${block}`} />
      <div className={`h-64 ${block}`} />
      <span className="sr-only">Loading the user…</span>
    </div>
  );
}
