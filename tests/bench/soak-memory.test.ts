import { linearSlope, memoryTrend, parseCpuSeconds, parsePpid, parseVmRssKb, processTree, prometheusValue } from '@/bench/lib/memory-sampler';

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
});
