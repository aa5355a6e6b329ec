const block = 'animate-pulse rounded-2xl bg-white ring-1 ring-slate-200';

export default function AdminUsersLoading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading users">
      <div>
        <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className={`h-36 ${block}`} />
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`h-16 ${block}`} />
        ))}
      </div>
      <span className="sr-only">Loading users…</span>
    </div>
  );
}
