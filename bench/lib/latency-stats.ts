/** Latency and outcome summaries of a load run, per time window and overall. */

export type Outcome = 'ok' | 'expected' | 'error';

export interface RequestRecord {
  op: string;
  /** ms after the run's start that the request was due (open model: latency counts from here). */
  scheduledMs: number;
  latencyMs: number;
  status: number;
  /** The API's error code when the body had one; `TIMEOUT`, `CONNECTION_ERROR`, `DROPPED` for no answer. */
  code: string | undefined;
  outcome: Outcome;
}

export interface WindowSummary {
  /** 0-based window number (minute 1 is window 0). */
  window: number;
  requests: number;
  ok: number;
  expected: number;
  errors: number;
  /** Requests due in the window divided by its length: the arrival rate actually generated. */
  achievedRate: number;
  /** Successful (2xx or expected 4xx) answers per second among them. */
  servedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending values; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(records: RequestRecord[], window: number, windowSeconds: number): WindowSummary {
  // A dropped request was never sent: it has no latency to count (it is an error all the same).
  const latencies = records.filter((r) => r.code !== 'DROPPED').map((r) => r.latencyMs).sort((a, b) => a - b);
  const count = (o: Outcome) => records.filter((r) => r.outcome === o).length;
  return {
    window,
    requests: records.length,
    ok: count('ok'),
    expected: count('expected'),
    errors: count('error'),
    achievedRate: windowSeconds > 0 ? records.length / windowSeconds : 0,
    servedRate: windowSeconds > 0 ? (count('ok') + count('expected')) / windowSeconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

/** Splits by scheduled time into windows of `windowSeconds`; the last may be shorter (`totalSeconds`). */
export function summariseByWindow(records: RequestRecord[], windowSeconds: number, totalSeconds: number): WindowSummary[] {
  const windows = Math.max(1, Math.ceil(totalSeconds / windowSeconds));
  const buckets: RequestRecord[][] = Array.from({ length: windows }, () => []);
  for (const record of records) {
    const index = Math.min(windows - 1, Math.floor(record.scheduledMs / 1000 / windowSeconds));
    buckets[index]!.push(record);
  }
  return buckets.map((bucket, i) => summarise(bucket, i, Math.min(windowSeconds, totalSeconds - i * windowSeconds)));
}

/** Status and code tallies of the errors, most frequent first: what to look at when a run fails. */
export function errorBreakdown(records: RequestRecord[]): { key: string; count: number }[] {
  const tally = new Map<string, number>();
  for (const r of records) {
    if (r.outcome !== 'error') continue;
    const key = `${r.op} ${r.status || '-'} ${r.code ?? ''}`.trim();
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
