/**
 * Sends the workload's requests as the open-loop scheduler fires them and records each answer.
 * A request due while every learner is busy is not queued behind them: it is recorded as DROPPED
 * (an error) — the server is not keeping up, and hiding that would flatter it.
 */
import type { HttpResult, LoopbackClient } from './loopback-client';
import type { RequestRecord } from './latency-stats';
import { authHeaders, classifyOutcome, nextIdleLearner, pickAction, planRequest, type Catalog, type Learner } from './workload';

export interface WorkloadRunner {
  fire(index: number, scheduledAt: number): void;
  inFlight(): number;
  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export function createWorkloadRunner(options: {
  client: LoopbackClient;
  learners: Learner[];
  catalog: Catalog;
  /** performance.now() of the run's start: records carry times relative to it. */
  startedAt: number;
  record: (record: RequestRecord, result: HttpResult | undefined) => void;
  random?: () => number;
}): WorkloadRunner {
  const random = options.random ?? Math.random;
  const cursor = { at: 0 };
  let inFlight = 0;
  return {
    fire(_index, scheduledAt) {
      const scheduledMs = scheduledAt - options.startedAt;
      const learner = nextIdleLearner(options.learners, cursor);
      if (!learner) {
        options.record({ op: 'dropped', scheduledMs, latencyMs: 0, status: 0, code: 'DROPPED', outcome: 'error' }, undefined);
        return;
      }
      const planned = planRequest(pickAction(random()), learner, options.catalog, random);
      learner.busy = true;
      inFlight += 1;
      void options.client
        .request({ ...planned.spec, headers: { ...authHeaders(planned.op, learner.token), ...planned.spec.headers } })
        .then((result) => {
          planned.apply?.(result);
          const latencyMs = performance.now() - scheduledAt;
          options.record(
            { op: planned.op, scheduledMs, latencyMs, status: result.status, code: result.code, outcome: classifyOutcome(planned.op, result.status, result.code) },
            result,
          );
        })
        .finally(() => {
          learner.busy = false;
          inFlight -= 1;
        });
    },
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
