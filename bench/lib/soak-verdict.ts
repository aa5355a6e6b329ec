/** The soak's pass/fail rules, as numbers in one place (docs/load-and-faults.md explains them). */
import type { MemoryTrend } from './memory-sampler';

export const SOAK_TARGETS = {
  /** The product spec's error-rate target: under 0.1 % of requests. */
  maxErrorRate: 0.001,
  /** The generator must have offered at least this share of the asked rate for the run to count. */
  minRateRatio: 0.98,
  /**
   * "No memory growth": the least-squares slope after warm-up of each judged series stays under
   * this — the live heap and the memory outside V8's heap when /api/metrics is readable, the RSS
   * otherwise (docs/load-and-faults.md). A heap that only breathes (GC) swings tens of MB but does
   * not trend; a leak of one small object per request (~1 kB × 200/s) would show as ~12 MB/min.
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
  /** The memory series judged, each named: all must stay flat. */
  memory: { what: string; trend: MemoryTrend }[];
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
    ...input.memory.map(({ what, trend }) => ({
      name: `no memory growth: ${what} (slope < ${trend.thresholdMbPerMinute} MB/min after ${trend.warmupSeconds} s warm-up)`,
      pass: trend.pass,
      detail:
        trend.samples < 3
          ? `only ${trend.samples} samples after warm-up: nothing to judge`
          : `${trend.slopeMbPerMinute.toFixed(2)} MB/min; first minute ${trend.firstMinuteMb.toFixed(1)} MB, last minute ${trend.lastMinuteMb.toFixed(1)} MB`,
    })),
  ];
  return { checks, pass: input.memory.length > 0 && checks.every((c) => c.pass) };
}

/** Warm-up excluded from the memory trend: the first minute, or a fifth of a short run. */
export const memoryWarmupSeconds = (durationSeconds: number) => Math.min(60, Math.round(durationSeconds / 5));
