/** The quest editor's shape while it loads: header, then the form's cards. */
export function EditorSkeleton() {
  return (
    <div className="space-y-6" role="status">
      <span className="sr-only">Loading quest…</span>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        <div className="h-4 w-24 rounded bg-slate-100" />
        <div className="h-8 w-2/3 rounded bg-slate-200" />
        <div className="h-5 w-48 rounded bg-slate-100" />
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden="true" className="animate-pulse space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <div className="h-6 w-32 rounded bg-slate-200" />
          <div className="h-11 w-full rounded-lg bg-slate-100" />
          <div className="h-11 w-full rounded-lg bg-slate-100" />
          <div className="h-24 w-full rounded-lg bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
