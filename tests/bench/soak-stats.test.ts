import { errorBreakdown, percentile, summarise, summariseByWindow, type RequestRecord } from '@/bench/lib/latency-stats';
import { soakChecks, memoryWarmupSeconds } from '@/bench/lib/soak-verdict';
import type { MemoryTrend } from '@/bench/lib/memory-sampler';

const record = (scheduledMs: number, latencyMs: number, outcome: RequestRecord['outcome'] = 'ok', status = 200, code?: string): RequestRecord => ({
  op: 'catalog-api',
  scheduledMs,
  latencyMs,
  status,
  code,
  outcome,
});

const flatMemory: MemoryTrend = { samples: 24, warmupSeconds: 60, firstMinuteMb: 300, lastMinuteMb: 301, slopeMbPerMinute: 0.3, thresholdMbPerMinute: 2, pass: true };

describe('soak statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });

  it('summarises a window: counts by outcome, the offered rate and latency percentiles', () => {
    const records = [record(0, 10), record(1, 20), record(2, 30, 'expected', 409, 'STEP_LOCKED'), record(3, 500, 'error', 503, 'DATABASE_UNAVAILABLE')];
    expect(summarise(records, 0, 2)).toMatchObject({ requests: 4, ok: 2, expected: 1, errors: 1, achievedRate: 2, servedRate: 1.5, p50: 20, max: 500 });
  });

  it('leaves dropped requests out of the latencies but counts them as errors', () => {
    const records = [record(0, 40), record(1, 0, 'error', 0, 'DROPPED'), record(2, 0, 'error', 0, 'DROPPED')];
    expect(summarise(records, 0, 1)).toMatchObject({ errors: 2, p50: 40, p99: 40 });
  });

  it('splits a run into minutes by scheduled time, the last one shorter', () => {
    const records = [record(0, 1), record(59_999, 1), record(60_000, 1), record(89_000, 1)];
    const windows = summariseByWindow(records, 60, 90);
    expect(windows.map((w) => w.requests)).toEqual([2, 2]);
    expect(windows[1]!.achievedRate).toBeCloseTo(2 / 30);
  });

  it('tallies errors by request type, status and code, most frequent first', () => {
    const records = [record(0, 1, 'error', 500, 'INTERNAL_ERROR'), record(1, 1, 'error', 429, 'RATE_LIMITED'), record(2, 1, 'error', 429, 'RATE_LIMITED'), record(3, 1)];
    expect(errorBreakdown(records)).toEqual([
      { key: 'catalog-api 429 RATE_LIMITED', count: 2 },
      { key: 'catalog-api 500 INTERNAL_ERROR', count: 1 },
    ]);
  });
});

describe('soak verdict', () => {
  it('passes under 0.1 % errors with the rate held and flat memory', () => {
    const verdict = soakChecks({ requests: 60_000, errors: 59, targetRate: 200, offeredRate: 199.9, memory: [{ what: 'live heap', trend: flatMemory }] });
    expect(verdict.pass).toBe(true);
    expect(verdict.checks.map((c) => c.name)).toContainEqual(expect.stringContaining('no memory growth: live heap'));
  });

  it('fails at 0.1 % errors', () => {
    const verdict = soakChecks({ requests: 60_000, errors: 60, targetRate: 200, offeredRate: 200, memory: [{ what: 'live heap', trend: flatMemory }] });
    expect(verdict.pass).toBe(false);
    expect(verdict.checks[0]!.detail).toContain('0.100 %');
  });

  it('fails when the generator could not offer the asked rate, or memory grows', () => {
    expect(soakChecks({ requests: 1000, errors: 0, targetRate: 200, offeredRate: 150, memory: [{ what: 'live heap', trend: flatMemory }] }).pass).toBe(false);
    expect(soakChecks({ requests: 1000, errors: 0, targetRate: 200, offeredRate: 200, memory: [{ what: 'live heap', trend: flatMemory }, { what: 'outside the heap', trend: { ...flatMemory, slopeMbPerMinute: 5, pass: false } }] }).pass).toBe(false);
    // Nothing judged is no pass either.
    expect(soakChecks({ requests: 1000, errors: 0, targetRate: 200, offeredRate: 200, memory: [] }).pass).toBe(false);
  });

  it('fails a run with no requests at all', () => {
    expect(soakChecks({ requests: 0, errors: 0, targetRate: 200, offeredRate: 200, memory: [{ what: 'live heap', trend: flatMemory }] }).pass).toBe(false);
  });

  it('excludes the first minute from the memory trend, or a fifth of a short run', () => {
    expect(memoryWarmupSeconds(300)).toBe(60);
    expect(memoryWarmupSeconds(60)).toBe(12);
  });
});
