export default function LeaderboardLoading() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6" role="status" aria-label="Loading the leaderboard">
      <div className="h-9 w-48 animate-pulse rounded bg-slate-200" />
      <div className="mt-3 h-5 w-full max-w-md animate-pulse rounded bg-slate-100" />
      <div className="mt-6 h-20 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
      <div className="mt-8 space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-11 animate-pulse rounded bg-white ring-1 ring-slate-200" />
        ))}
      </div>
      <span className="sr-only">Loading the leaderboard…</span>
    </div>
  );
}
