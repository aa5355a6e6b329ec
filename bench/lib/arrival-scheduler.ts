/**
 * An open-model load generator: requests are sent on a clock (request i at i / rate seconds),
 * whatever the server's answers do. A closed loop (each virtual user waits for its answer) slows
 * down with the server and hides exactly the queueing a soak is meant to find; here a slow server
 * piles up requests in flight and the latencies, measured from each request's scheduled time,
 * show it.
 */

/** When request `index` (0-based) is due, in ms after the start. */
export function scheduledOffsetMs(index: number, rate: number): number {
  return (index * 1000) / rate;
}

/** How many requests should have been sent `elapsedMs` after the start, capped at `maxRequests`. */
export function dueCount(elapsedMs: number, rate: number, durationMs: number, maxRequests: number): number {
  if (elapsedMs < 0) return 0;
  // Request i is due at i/rate: floor(elapsed·rate)+1 of them have come due; those due before
  // the end (i/rate < duration) belong to the run.
  const due = Math.floor((elapsedMs * rate) / 1000) + 1;
  const inRun = Math.ceil((durationMs * rate) / 1000);
  return Math.min(due, inRun, maxRequests);
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  maxRequests: number;
  /** Called for each request at (or just after) its due time; must not block. */
  fire: (index: number, scheduledAt: number) => void;
  /** Timer granularity; a tick sends every request that has come due. */
  tickMs?: number;
  now?: () => number;
  /** Lets the caller stop early (a fault scenario's phases, Ctrl-C). */
  signal?: AbortSignal;
}

export interface OpenLoopResult {
  sent: number;
  /** The worst delay between a request's due time and its sending: the generator's own lag. */
  maxLagMs: number;
  startedAt: number;
}

export function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const now = options.now ?? (() => performance.now());
  const tickMs = options.tickMs ?? 2;
  const startedAt = now();
  let sent = 0;
  let maxLagMs = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const elapsed = now() - startedAt;
      const due = dueCount(elapsed, options.rate, options.durationMs, options.maxRequests);
      while (sent < due) {
        const scheduledAt = startedAt + scheduledOffsetMs(sent, options.rate);
        maxLagMs = Math.max(maxLagMs, now() - scheduledAt);
        options.fire(sent, scheduledAt);
        sent += 1;
      }
      const finished = elapsed >= options.durationMs || sent >= options.maxRequests || options.signal?.aborted;
      if (finished) resolve({ sent, maxLagMs, startedAt });
      else setTimeout(tick, tickMs);
    };
    tick();
  });
}
