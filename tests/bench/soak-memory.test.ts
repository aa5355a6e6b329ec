import { linearSlope, lowerEnvelope, memoryTrend, parseCpuSeconds, parsePpid, parseVmRssKb, processTree, prometheusValue } from '@/bench/lib/memory-sampler';

describe('memory sampling', () => {
  it('reads VmRSS from /proc/<pid>/status', () => {
    const status = 'Name:\tnext-server\nVmPeak:\t 1000 kB\nVmRSS:\t  345678 kB\nThreads:\t11\n';
    expect(parseVmRssKb(status)).toBe(345678);
    expect(parseVmRssKb('Name:\tkthreadd\n')).toBeUndefined();
  });

  it('reads the parent pid from /proc/<pid>/stat even when the command name has spaces and parentheses', () => {
    expect(parsePpid('1234 (next-server (v16)) S 1200 1234 1234 0 -1')).toBe(1200);
  });

  it('reads user + system CPU time from /proc/<pid>/stat, in seconds', () => {
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    expect(parseCpuSeconds('77 (next-server (v16)) R 1 77 77 0 -1 4194304 100 0 0 0 1234 566 0 0 20 0 11')).toBe(18);
  });

  it('collects a process and all its descendants, not its siblings', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(processTree(10, parents).sort()).toEqual([10, 11, 12, 13]);
  });

  it('reads an unlabelled gauge from Prometheus text', () => {
    const text = '# HELP process_resident_memory_bytes Resident memory\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 123456789\nprocess_resident_memory_bytes_other 1\n';
    expect(prometheusValue(text, 'process_resident_memory_bytes')).toBe(123456789);
    expect(prometheusValue(text, 'missing_metric')).toBeUndefined();
  });
});

describe('memory trend', () => {
  it('computes a least-squares slope', () => {
    expect(linearSlope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(linearSlope([{ x: 1, y: 1 }])).toBe(0);
  });

  const series = (mbAt: (t: number) => number) => Array.from({ length: 31 }, (_, i) => ({ t: i * 10, mb: mbAt(i * 10) }));

  it('passes a heap that breathes around a level after warm-up', () => {
    const trend = memoryTrend(series((t) => (t < 60 ? 150 + t : 300 + (t % 20 === 0 ? 15 : -15))), 60, 2);
    expect(trend.pass).toBe(true);
    expect(Math.abs(trend.slopeMbPerMinute)).toBeLessThan(2);
  });

  it('ignores the warm-up climb but fails a steady climb after it', () => {
    const leak = memoryTrend(series((t) => 300 + t / 10), 60, 2); // 6 MB a minute
    expect(leak.pass).toBe(false);
    expect(leak.slopeMbPerMinute).toBeCloseTo(6);
    expect(leak.lastMinuteMb).toBeGreaterThan(leak.firstMinuteMb);
  });

  it('fails when there are too few samples after warm-up to judge', () => {
    expect(memoryTrend([{ t: 0, mb: 100 }, { t: 70, mb: 100 }], 60, 2).pass).toBe(false);
  });

  // A heap sampled every 5 s that climbs 250 MB between collections every 35 s, around a live set.
  const sawtooth = (liveAt: (t: number) => number) =>
    Array.from({ length: 61 }, (_, i) => ({ t: i * 5, mb: liveAt(i * 5) + ((i * 5) % 35) * (250 / 35) }));

  it('follows the live set under a collection sawtooth: flat passes, a steady leak fails', () => {
    const flat = lowerEnvelope(sawtooth(() => 120), 60);
    expect(flat.map((p) => p.t)).toEqual([30, 90, 150, 210, 270]);
    expect(flat.map((p) => p.mb)).toEqual([120, 120, 120, 120, 120]);
    expect(memoryTrend(flat, 60, 2).pass).toBe(true);
    // The raw samples of the same heap swing by 250 MB: their slope says little either way.
    const leaking = lowerEnvelope(sawtooth((t) => 120 + t / 20), 60); // 3 MB a minute of survivors
    const trend = memoryTrend(leaking, 60, 2);
    expect(trend.pass).toBe(false);
    expect(trend.slopeMbPerMinute).toBeGreaterThan(2.5);
  });

  it('keeps only windows the samples cover end to end, in time order', () => {
    const samples = [{ t: 185, mb: 1 }, { t: 130, mb: 5 }, { t: 0, mb: 9 }, { t: 20, mb: 7 }, { t: 70, mb: 8 }];
    // [0,60) and [60,120) and [120,180) are covered; [180,240) is not (the samples end at 185).
    expect(lowerEnvelope(samples, 60)).toEqual([
      { t: 30, mb: 7 },
      { t: 90, mb: 8 },
      { t: 150, mb: 5 },
    ]);
    expect(lowerEnvelope([], 60)).toEqual([]);
  });
});
