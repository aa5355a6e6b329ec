/**
 * The server's memory over a run: resident set size of the whole `next start` process tree read
 * from /proc (next start may serve from a child process), and the app's own
 * process_resident_memory_bytes from /api/metrics when a METRICS_TOKEN is configured. "No memory
 * growth" is judged on the trend after warm-up: a least-squares slope in MB per minute.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface MemorySample {
  /** Seconds since the run started. */
  t: number;
  /** RSS of the server's process tree, MB; undefined when it could not be read. */
  treeRssMb: number | undefined;
  /** process_resident_memory_bytes from /api/metrics, MB (the process that serves the API). */
  metricsRssMb: number | undefined;
  /** nodejs_heap_size_used_bytes from /api/metrics, MB: live objects plus garbage not yet collected. */
  heapUsedMb: number | undefined;
  /**
   * nodejs_heap_live_bytes from /api/metrics, MB: the heap in use just after the last major
   * collection, the live set a leak would grow. Undefined before the first major collection.
   */
  heapLiveMb: number | undefined;
  /** nodejs_heap_size_total_bytes (what V8 has reserved for its heap) and nodejs_external_memory_bytes, MB. */
  heapTotalMb: number | undefined;
  externalMb: number | undefined;
  /** CPU time (user + system) the server's process tree has used so far, seconds. */
  treeCpuSeconds: number | undefined;
  /** Requests in flight at that moment: a backlog holds memory that a leak would not explain. */
  inFlight: number | undefined;
}

/** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a /proc/<pid>/stat line, in seconds. */
export function parseCpuSeconds(stat: string): number | undefined {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : undefined;
}

/** VmRSS of a /proc/<pid>/status text, in kB; undefined when absent (a zombie, a kernel thread). */
export function parseVmRssKb(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** The parent pid from a /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function parsePpid(stat: string): number | undefined {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** `root` and every process below it, from (pid, parent pid) pairs. */
export function processTree(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = parsePpid(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (ppid !== undefined) parents.set(Number(entry), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

/** Summed RSS of `pid` and its descendants, MB; undefined when `pid` is gone. */
export function processTreeRssMb(pid: number): number | undefined {
  let totalKb = 0;
  let found = false;
  for (const member of processTree(pid, readParents())) {
    try {
      const kb = parseVmRssKb(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (kb !== undefined) {
        totalKb += kb;
        found = true;
      }
    } catch {
      // Gone already.
    }
  }
  return found ? totalKb / 1024 : undefined;
}

/** CPU seconds used so far by `pid` and its descendants; undefined when `pid` is gone. */
export function processTreeCpuSeconds(pid: number): number | undefined {
  let total = 0;
  let found = false;
  for (const member of processTree(pid, readParents())) {
    try {
      const seconds = parseCpuSeconds(readFileSync(`/proc/${member}/stat`, 'utf8'));
      if (seconds !== undefined) {
        total += seconds;
        found = true;
      }
    } catch {
      // Gone already.
    }
  }
  return found ? total : undefined;
}

/** One unlabelled sample of a Prometheus text exposition, e.g. process_resident_memory_bytes. */
export function prometheusValue(text: string, metric: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${metric} `) || l.startsWith(`${metric}{}`));
  if (!line) return undefined;
  const value = Number(line.trim().split(/\s+/)[1]);
  return Number.isFinite(value) ? value : undefined;
}

/** Least-squares slope of y over x; 0 with fewer than two distinct x. */
export function linearSlope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export interface MemoryTrend {
  samples: number;
  warmupSeconds: number;
  /** Mean RSS over the first minute after warm-up, and over the last minute, MB. */
  firstMinuteMb: number;
  lastMinuteMb: number;
  slopeMbPerMinute: number;
  thresholdMbPerMinute: number;
  pass: boolean;
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);

/**
 * Judges growth on the samples after `warmupSeconds` (JIT, caches and connection pools fill
 * first). Passes when the slope stays below the threshold; needs at least three samples after
 * warm-up, otherwise there is nothing to judge and it fails.
 */
export function memoryTrend(
  series: { t: number; mb: number }[],
  warmupSeconds: number,
  thresholdMbPerMinute: number,
): MemoryTrend {
  const steady = series.filter((s) => s.t >= warmupSeconds);
  const end = steady.length ? steady[steady.length - 1]!.t : warmupSeconds;
  const firstMinute = steady.filter((s) => s.t < warmupSeconds + 60).map((s) => s.mb);
  const lastMinute = steady.filter((s) => s.t > end - 60).map((s) => s.mb);
  const slopePerSecond = linearSlope(steady.map((s) => ({ x: s.t, y: s.mb })));
  const slopeMbPerMinute = slopePerSecond * 60;
  return {
    samples: steady.length,
    warmupSeconds,
    firstMinuteMb: mean(firstMinute),
    lastMinuteMb: mean(lastMinute),
    slopeMbPerMinute,
    thresholdMbPerMinute,
    pass: steady.length >= 3 && slopeMbPerMinute < thresholdMbPerMinute,
  };
}

export interface MemorySampler {
  samples: MemorySample[];
  stop(): void;
}

/** Samples every `intervalMs` (and once at once) until stopped. */
export function startMemorySampler(options: {
  pid: number | undefined;
  startedAt: number;
  intervalMs: number;
  metrics?: { url: string; token: string };
  inFlight?: () => number;
}): MemorySampler {
  const samples: MemorySample[] = [];
  const sample = async () => {
    const t = (performance.now() - options.startedAt) / 1000;
    const inFlight = options.inFlight?.();
    const treeRssMb = options.pid === undefined ? undefined : processTreeRssMb(options.pid);
    const treeCpuSeconds = options.pid === undefined ? undefined : processTreeCpuSeconds(options.pid);
    let metricsRssMb: number | undefined;
    let heapUsedMb: number | undefined;
    let heapLiveMb: number | undefined;
    let heapTotalMb: number | undefined;
    let externalMb: number | undefined;
    if (options.metrics) {
      try {
        const response = await fetch(options.metrics.url, {
          headers: { authorization: `Bearer ${options.metrics.token}` },
          signal: AbortSignal.timeout(5000),
        });
        if (response.ok) {
          const text = await response.text();
          const mb = (metric: string) => {
            const bytes = prometheusValue(text, metric);
            return bytes === undefined ? undefined : bytes / 1024 / 1024;
          };
          metricsRssMb = mb('process_resident_memory_bytes');
          heapUsedMb = mb('nodejs_heap_size_used_bytes');
          heapLiveMb = mb('nodejs_heap_live_bytes') || undefined;
          heapTotalMb = mb('nodejs_heap_size_total_bytes');
          externalMb = mb('nodejs_external_memory_bytes');
        }
      } catch {
        // A slow or missing metrics route is reported as a gap, not a failure of the run.
      }
    }
    samples.push({ t, treeRssMb, metricsRssMb, heapUsedMb, heapLiveMb, heapTotalMb, externalMb, treeCpuSeconds, inFlight });
  };
  void sample();
  const timer = setInterval(() => void sample(), options.intervalMs);
  return { samples, stop: () => clearInterval(timer) };
}
