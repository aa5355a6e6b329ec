const block = 'animate-pulse rounded-2xl bg-white ring-1 ring-slate-200';

export default function AuditLogLoading() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the audit log">
      <div>
        <div className="h-9 w-48 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className={`h-40 ${block}`} />
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={`h-14 ${block}`} />
        ))}
      </div>
      <span className="sr-only">Loading the audit log…</span>
    </div>
  );
}
