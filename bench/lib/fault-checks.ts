/**
 * How the fault run judges what it saw: answers during an outage (a clear 503 or a normal answer,
 * never a 500 or a hang), and when the app recovered after the dependency came back.
 */

/** One answer as the fault run keeps it; times in ms after the run started. */
export interface TimedAnswer {
  op: string;
  sentMs: number;
  doneMs: number;
  status: number;
  code: string | undefined;
  retryAfter: string | undefined;
  /** The request's own time, send to last byte (what "no hang" is about). */
  elapsedMs: number;
}

export interface OutageJudgement {
  total: number;
  /** 503 with the expected code. */
  unavailable: number;
  /** 2xx: the request needed nothing from the missing dependency. */
  served: number;
  /** Neither: 500s, other codes, timeouts, connection errors. */
  failures: { key: string; count: number }[];
  /** 503s with the expected code but without `Retry-After: <retryAfter>`. */
  missingRetryAfter: number;
  maxElapsedMs: number;
}

/** Answers sent inside [fromMs, toMs) and finished before toMs: what the app said while the dependency was down. */
export function answersWithin(answers: TimedAnswer[], fromMs: number, toMs: number): TimedAnswer[] {
  return answers.filter((a) => a.sentMs >= fromMs && a.doneMs < toMs);
}

export function judgeOutage(answers: TimedAnswer[], expected: { code: string; retryAfter?: string }): OutageJudgement {
  const failures = new Map<string, number>();
  let unavailable = 0;
  let served = 0;
  let missingRetryAfter = 0;
  for (const a of answers) {
    if (a.status === 503 && a.code === expected.code) {
      unavailable += 1;
      if (expected.retryAfter !== undefined && a.retryAfter !== expected.retryAfter) missingRetryAfter += 1;
    } else if (a.status >= 200 && a.status < 300) {
      served += 1;
    } else {
      const key = `${a.op} ${a.status || '-'} ${a.code ?? ''}`.trim();
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  return {
    total: answers.length,
    unavailable,
    served,
    failures: [...failures].map(([key, count]) => ({ key, count })).sort((x, y) => y.count - x.count),
    missingRetryAfter,
    maxElapsedMs: answers.reduce((m, a) => Math.max(m, a.elapsedMs), 0),
  };
}

export interface Recovery {
  /** ms from the dependency's return to the first 2xx sent after it. */
  firstSuccessMs: number;
  /** ms from its return to the start of the first `stableMs` stretch in which every answer was 2xx. */
  stableMs: number;
}

const isSuccess = (a: TimedAnswer) => a.status >= 200 && a.status < 300;

/**
 * When the app was healthy again after `backAtMs`: the first success, and the start of the first
 * run of answers spanning `stableWindowMs` with no failure among them. Undefined when it never was.
 */
export function recoveryAfter(answers: TimedAnswer[], backAtMs: number, stableWindowMs: number): Recovery | undefined {
  const after = answers.filter((a) => a.sentMs >= backAtMs).sort((x, y) => x.sentMs - y.sentMs);
  const first = after.find(isSuccess);
  if (!first) return undefined;
  let runStart: number | undefined;
  for (const a of after) {
    if (!isSuccess(a)) {
      runStart = undefined;
      continue;
    }
    runStart ??= a.sentMs;
    if (a.sentMs - runStart >= stableWindowMs) return { firstSuccessMs: first.sentMs - backAtMs, stableMs: runStart - backAtMs };
  }
  return undefined;
}

export interface FaultCheck {
  scenario: string;
  name: string;
  pass: boolean;
  detail: string;
}

export function formatCheckTable(checks: FaultCheck[]): string {
  const width = Math.max(...checks.map((c) => c.name.length), 10);
  return checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.scenario}  ${c.name.padEnd(width)}  ${c.detail}`).join('\n');
}
