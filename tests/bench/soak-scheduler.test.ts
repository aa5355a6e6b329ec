import { dueCount, runOpenLoop, scheduledOffsetMs } from '@/bench/lib/arrival-scheduler';

describe('open-model arrival scheduler', () => {
  it('spaces requests evenly by the clock: request i at i / rate', () => {
    expect(scheduledOffsetMs(0, 200)).toBe(0);
    expect(scheduledOffsetMs(1, 200)).toBe(5);
    expect(scheduledOffsetMs(200, 200)).toBe(1000);
  });

  it('counts the requests due at a moment, never more than the run holds or the cap allows', () => {
    expect(dueCount(0, 200, 1000, 1e6)).toBe(1);
    expect(dueCount(4.9, 200, 1000, 1e6)).toBe(1);
    expect(dueCount(5, 200, 1000, 1e6)).toBe(2);
    expect(dueCount(999, 200, 1000, 1e6)).toBe(200);
    expect(dueCount(5000, 200, 1000, 1e6)).toBe(200);
    expect(dueCount(5000, 200, 1000, 50)).toBe(50);
    expect(dueCount(-1, 200, 1000, 1e6)).toBe(0);
  });

  it('sends on schedule and catches up after a stall instead of slowing down (open, not closed loop)', async () => {
    let clock = 0;
    const fired: number[] = [];
    const result = runOpenLoop({
      rate: 100,
      durationMs: 100,
      maxRequests: 1000,
      now: () => clock,
      tickMs: 0,
      fire: (index, scheduledAt) => fired.push(scheduledAt),
    });
    // The generator is stalled for 55 ms, then time runs to the end.
    clock = 55;
    await new Promise((r) => setTimeout(r, 5));
    expect(fired).toEqual([0, 10, 20, 30, 40, 50]);
    clock = 150;
    const { sent, maxLagMs } = await result;
    expect(sent).toBe(10);
    expect(fired.at(-1)).toBe(90);
    expect(maxLagMs).toBeGreaterThanOrEqual(55);
  });

  it('stops at the request cap even with time left', async () => {
    let clock = 0;
    let fired = 0;
    const run = runOpenLoop({ rate: 1000, durationMs: 10_000, maxRequests: 25, now: () => clock, tickMs: 0, fire: () => (fired += 1) });
    clock = 10_000;
    expect((await run).sent).toBe(25);
    expect(fired).toBe(25);
  });

  it('stops when aborted', async () => {
    let clock = 0;
    const controller = new AbortController();
    const run = runOpenLoop({ rate: 10, durationMs: 60_000, maxRequests: 1000, now: () => clock, tickMs: 1, signal: controller.signal, fire: () => {} });
    clock = 250;
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect((await run).sent).toBe(3);
  });
});
