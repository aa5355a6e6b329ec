/** The soak's pass/fail rules, as numbers in one place (docs/load-and-faults.md explains them). */
import type { MemoryTrend } from './memory-sampler';

export const SOAK_TARGETS = {
  /** The product spec's error-rate target: under 0.1 % of requests. */
  maxErrorRate: 0.001,
  /** The generator must have offered at least this share of the asked rate for the run to count. */
  minRateRatio: 0.98,
  /**
   * "No memory growth": the least-squares slope of the server's RSS after warm-up stays under
   * this. A heap that only breathes (GC) swings tens of MB but does not trend; a leak of one small
   * object per request (~1 kB × 200/s) would show as ~12 MB/min.
   */
  maxMemorySlopeMbPerMinute: 2,
} as const;

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export function soakChecks(input: {
  requests: number;
  errors: number;
  targetRate: number;
  offeredRate: number;
  memory: MemoryTrend;
}): { checks: Check[]; pass: boolean } {
  const errorRate = input.requests ? input.errors / input.requests : 1;
  const checks: Check[] = [
    {
      name: 'error rate < 0.1 %',
      pass: input.requests > 0 && errorRate < SOAK_TARGETS.maxErrorRate,
      detail: `${input.errors} errors in ${input.requests} requests = ${(errorRate * 100).toFixed(3)} %`,
    },
    {
      name: `rate held (≥ ${SOAK_TARGETS.minRateRatio * 100} % of ${input.targetRate} req/s offered)`,
      pass: input.offeredRate >= input.targetRate * SOAK_TARGETS.minRateRatio,
      detail: `${input.offeredRate.toFixed(1)} req/s offered on average`,
    },
    {
      name: `no memory growth (slope < ${input.memory.thresholdMbPerMinute} MB/min after ${input.memory.warmupSeconds} s warm-up)`,
      pass: input.memory.pass,
      detail:
        input.memory.samples < 3
          ? `only ${input.memory.samples} samples after warm-up: nothing to judge`
          : `${input.memory.slopeMbPerMinute.toFixed(2)} MB/min; first minute ${input.memory.firstMinuteMb.toFixed(1)} MB, last minute ${input.memory.lastMinuteMb.toFixed(1)} MB`,
    },
  ];
  return { checks, pass: checks.every((c) => c.pass) };
}

/** Warm-up excluded from the memory trend: the first minute, or a fifth of a short run. */
export const memoryWarmupSeconds = (durationSeconds: number) => Math.min(60, Math.round(durationSeconds / 5));
