/** Turning measured latencies into the benchmark's table: pure functions, tested on their own. */

export interface Measurement {
  scenario: string;
  /** What was called, e.g. `GET /api/quests?…`. */
  route: string;
  /** 'api' routes have the 60 %-of-floor target; 'page' and the references do not. */
  kind: 'api' | 'page' | 'floor' | 'reference';
  connections: number;
  seconds: number;
  /** Every response time in ms (2xx or not). */
  latencies: number[];
  ok: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** The reference scenario this one is compared with, if any. */
  reference?: string;
  /** Free-form facts worth printing (e.g. how many gradings were first answers). */
  note?: string;
}

export interface ResultRow {
  scenario: string;
  route: string;
  kind: Measurement['kind'];
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  ratioToFloor: number | null;
  ratioToReference: number | null;
  note?: string;
}

/**
 * Two runs of one scenario as one (the floor is measured at the start and at the end of each
 * block, so a machine whose load drifts during the block is compared with its average).
 */
export function mergeMeasurements(a: Measurement, b: Measurement): Measurement {
  return {
    ...a,
    seconds: a.seconds + b.seconds,
    latencies: [...a.latencies, ...b.latencies],
    ok: a.ok + b.ok,
    non2xx: a.non2xx + b.non2xx,
    socketErrors: a.socketErrors + b.socketErrors,
    timeouts: a.timeouts + b.timeouts,
    note: [`${Math.round((a.ok + a.non2xx) / a.seconds)} then ${Math.round((b.ok + b.non2xx) / b.seconds)} req/s`, a.note, b.note]
      .filter(Boolean)
      .join('; '),
  };
}

/** Nearest-rank percentile (q in 0..100) of unsorted samples; 0 for none. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * One row per measurement, with throughput as a ratio of the floor (Next's empty route) and of the
 * named reference (the same SQL on bare node:http) measured at the same connection count.
 */
export function summarize(measurements: Measurement[]): ResultRow[] {
  const rps = (m: Measurement) => (m.seconds > 0 ? (m.ok + m.non2xx) / m.seconds : 0);
  const find = (scenario: string, connections: number) =>
    measurements.find((m) => m.scenario === scenario && m.connections === connections);
  return measurements.map((m) => {
    const floor = find('floor', m.connections);
    const reference = m.reference ? find(m.reference, m.connections) : undefined;
    const own = rps(m);
    return {
      scenario: m.scenario,
      route: m.route,
      kind: m.kind,
      connections: m.connections,
      p50: round(percentile(m.latencies, 50)),
      p95: round(percentile(m.latencies, 95)),
      p99: round(percentile(m.latencies, 99)),
      requestsPerSecond: round(own),
      requests: m.ok + m.non2xx,
      errors: m.non2xx + m.socketErrors + m.timeouts,
      ratioToFloor: floor && m.scenario !== 'floor' && rps(floor) > 0 ? round(own / rps(floor), 2) : null,
      ratioToReference: reference && rps(reference) > 0 ? round(own / rps(reference), 2) : null,
      ...(m.note ? { note: m.note } : {}),
    };
  });
}

export interface TargetCheck {
  target: string;
  met: boolean;
  misses: string[];
}

/** The targets: p99 ≤ 50 ms at 10 connections, no errors at 50, API throughput ≥ 60 % of the floor. */
export function checkTargets(rows: ResultRow[]): TargetCheck[] {
  const measured = rows.filter((r) => r.kind === 'api' || r.kind === 'page');
  const p99 = measured.filter((r) => r.connections === 10 && r.p99 > 50).map((r) => `${r.scenario} p99 ${r.p99} ms`);
  const errors = rows.filter((r) => r.connections === 50 && r.errors > 0).map((r) => `${r.scenario} ${r.errors} errors`);
  const floor = rows
    .filter((r) => r.kind === 'api' && r.ratioToFloor !== null && r.ratioToFloor < 0.6)
    .map((r) => `${r.scenario}@${r.connections} ${Math.round(r.ratioToFloor! * 100)} % of floor`);
  // A target whose connection count was not run is not met: it was not measured.
  const ran = (connections: number) => rows.some((r) => r.connections === connections);
  const unmeasured = ['not measured'];
  return [
    { target: 'p99 ≤ 50 ms at 10 connections', met: ran(10) && p99.length === 0, misses: ran(10) ? p99 : unmeasured },
    { target: '0 errors at 50 connections', met: ran(50) && errors.length === 0, misses: ran(50) ? errors : unmeasured },
    { target: 'API throughput ≥ 60 % of the floor', met: rows.length > 0 && floor.length === 0, misses: rows.length ? floor : unmeasured },
  ];
}

const ratio = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)} %`);

/** A Markdown table (also readable in a terminal). */
export function formatTable(rows: ResultRow[]): string {
  const header = ['scenario', 'route', 'conns', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors', 'vs floor', 'vs reference'];
  const lines = rows.map((r) => [
    r.scenario,
    `\`${r.route}\``,
    String(r.connections),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.requestsPerSecond.toFixed(0),
    String(r.errors),
    ratio(r.ratioToFloor),
    ratio(r.ratioToReference),
  ]);
  const all = [header, header.map(() => '---'), ...lines];
  return all.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
