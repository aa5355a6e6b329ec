import 'server-only';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry } from './metrics-registry';

/**
 * The metrics GET /api/metrics exposes. Counts are per process — one per serverless instance,
 * reset on every start — so Prometheus sums instances and rates absorb resets; the analytics
 * tables stay the durable record of sign-ups, completions and XP.
 */

/** Seconds; the API's target is 200 ms, so the buckets are dense below it. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10];

/**
 * The heap in use just after each major (mark-compact) collection: what survived it, the live set.
 * Heap in use read at any other moment swings with the garbage made since the last collection
 * (hundreds of MB under load); this one only grows when something is kept — a leak.
 */
function watchLiveHeap(): { bytes: () => number | undefined; stop: () => void } {
  let live: number | undefined;
  const observer = new PerformanceObserver((list) => {
    const major = list.getEntries().some((entry) => ((entry as { detail?: { kind?: number } }).detail)?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR);
    if (major) live = process.memoryUsage().heapUsed;
  });
  observer.observe({ entryTypes: ['gc'] });
  return { bytes: () => live, stop: () => observer.disconnect() };
}

function createAppMetrics() {
  const registry = new Registry();
  const loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const liveHeap = watchLiveHeap();
  const metrics = {
    registry,
    stopSampling: () => {
      loopDelay.disable();
      liveHeap.stop();
    },
    httpRequests: registry.register(
      new Counter('http_requests_total', 'API requests answered, by method, route pattern and status.', ['method', 'route', 'status']),
    ),
    httpDuration: registry.register(
      new Histogram('http_request_duration_seconds', 'Time to answer an API request, by method and route pattern.', ['method', 'route'], DURATION_BUCKETS),
    ),
    signups: registry.register(new Counter('workfree_signups_total', 'Accounts created (committed sign-ups) since this process started.')),
    questCompletions: registry.register(
      new Counter('workfree_quest_completions_total', 'Quests completed (committed) since this process started.'),
    ),
    xpGranted: registry.register(new Counter('workfree_xp_granted_total', 'XP granted by committed quest completions, achievement unlocks and backfills since this process started.')),
  };
  const NS = 1e-9; // the event-loop histogram counts nanoseconds
  registry.register(new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss()));
  registry.register(new Gauge('nodejs_heap_size_used_bytes', 'V8 heap in use, in bytes.', () => process.memoryUsage().heapUsed));
  registry.register(new Gauge('nodejs_heap_size_total_bytes', 'V8 heap allocated, in bytes.', () => process.memoryUsage().heapTotal));
  registry.register(
    new Gauge('nodejs_heap_live_bytes', 'V8 heap in use right after the last major collection (the live set), in bytes; 0 before the first.', () => liveHeap.bytes() ?? 0),
  );
  // Buffers and other memory outside the V8 heap (socket and zlib buffers): where RSS grows when the heap does not.
  registry.register(new Gauge('nodejs_external_memory_bytes', 'Memory of C++ objects bound to JavaScript objects, in bytes.', () => process.memoryUsage().external));
  registry.register(new Gauge('process_cpu_user_seconds_total', 'User CPU time spent, in seconds.', () => process.cpuUsage().user / 1e6, 'counter'));
  registry.register(new Gauge('process_cpu_system_seconds_total', 'System CPU time spent, in seconds.', () => process.cpuUsage().system / 1e6, 'counter'));
  registry.register(
    new Gauge('process_cpu_seconds_total', 'User and system CPU time spent, in seconds.', () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }, 'counter'),
  );
  const started = Date.now() / 1000 - process.uptime();
  registry.register(new Gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch, in seconds.', () => Math.round(started)));
  registry.register(new Gauge('process_uptime_seconds', 'Seconds since the process started.', () => process.uptime()));
  registry.register(new Gauge('nodejs_eventloop_lag_mean_seconds', 'Mean event-loop delay since start, in seconds.', () => (loopDelay.count ? loopDelay.mean * NS : 0)));
  registry.register(new Gauge('nodejs_eventloop_lag_p99_seconds', '99th percentile event-loop delay since start, in seconds.', () => (loopDelay.count ? loopDelay.percentile(99) * NS : 0)));
  registry.register(new Gauge('nodejs_eventloop_lag_max_seconds', 'Largest event-loop delay since start, in seconds.', () => (loopDelay.count ? loopDelay.max * NS : 0)));
  return metrics;
}

export type AppMetrics = ReturnType<typeof createAppMetrics>;

// On globalThis: Next.js bundles proxy.ts and the route handlers apart, and they must count into one registry.
const holder = globalThis as typeof globalThis & { __workfreeMetrics?: AppMetrics };

export function appMetrics(): AppMetrics {
  holder.__workfreeMetrics ??= createAppMetrics();
  return holder.__workfreeMetrics;
}

/** Tests start from zero. */
export function resetAppMetricsForTests(): void {
  holder.__workfreeMetrics?.stopSampling();
  holder.__workfreeMetrics = undefined;
}
