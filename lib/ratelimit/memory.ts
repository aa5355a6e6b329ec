import { RATE_LIMIT_POLICIES, type RateLimitPolicy } from './policies';
import { toResult, type RateLimitBackend, type RateLimitResult } from './types';

/**
 * The embedded limiter: one process, no configuration. It keeps the time of each allowed request
 * (a sliding log), which is exact and small here: at most `limit` numbers per key. Refused requests
 * are not recorded, matching @upstash/ratelimit, so hammering does not extend a lockout.
 *
 * Each check costs O(1) amortised, however large the limit: expired times are skipped by moving a
 * start index, and the array is compacted only once most of it has expired. (Filtering the whole
 * log on every request cost 2.5 % of the server's CPU at a limit of 100,000 a minute.)
 */

export interface MemoryLimiterOptions {
  /** Injectable for tests. */
  now?: () => number;
  /** Hard cap on tracked keys; past it the least recently used key is dropped. */
  maxKeys?: number;
}

interface Entry {
  windowMs: number;
  /** Ascending times of allowed requests; those before `start` have left the window. */
  stamps: number[];
  start: number;
}

/** Compact a log once this many expired times sit in front of the live ones. */
const COMPACT_AFTER = 64;

const SWEEP_EVERY_MS = 60_000;

export class MemoryRateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxKeys: number;
  private lastSweep = 0;

  constructor(options: MemoryLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  get size(): number {
    return this.entries.size;
  }

  limit(policy: RateLimitPolicy, key: string): RateLimitResult {
    const { limit, windowMs } = RATE_LIMIT_POLICIES[policy];
    const now = this.now();
    this.sweep(now);
    const id = entryId(policy, key);
    const entry = this.entries.get(id) ?? { windowMs, stamps: [], start: 0 };
    const { stamps } = entry;
    while (entry.start < stamps.length && stamps[entry.start]! <= now - windowMs) entry.start += 1;
    if (entry.start >= COMPACT_AFTER && entry.start * 2 >= stamps.length) {
      stamps.splice(0, entry.start);
      entry.start = 0;
    }
    const used = stamps.length - entry.start;
    const success = used < limit;
    if (success) stamps.push(now);
    // Re-inserting keeps Map order = least recently used first, which eviction relies on.
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.evictOverflow();
    const oldest = stamps[entry.start] ?? now;
    const remaining = limit - (stamps.length - entry.start);
    return toResult(success, limit, remaining, oldest + windowMs, now);
  }

  reset(policy: RateLimitPolicy, key: string): void {
    this.entries.delete(entryId(policy, key));
  }

  /** Drops keys whose last request has left its window; at most once a minute, so O(n) stays rare. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) {
      const last = entry.stamps[entry.stamps.length - 1];
      if (last === undefined || last <= now - entry.windowMs) this.entries.delete(id);
    }
  }

  private evictOverflow(): void {
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) return;
      this.entries.delete(id);
    }
  }
}

// A NUL cannot appear in a policy name, so "login" + "a" never collides with "log" + "ina".
const entryId = (policy: RateLimitPolicy, key: string) => `${policy}\u0000${key}`;

export function memoryBackend(limiter = new MemoryRateLimiter()): RateLimitBackend {
  return {
    kind: 'memory',
    limit: async (policy, key) => limiter.limit(policy, key),
    reset: async (policy, key) => limiter.reset(policy, key),
    close: async () => {},
  };
}
