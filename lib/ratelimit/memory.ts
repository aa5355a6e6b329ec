import { RATE_LIMIT_POLICIES, type RateLimitPolicy } from './policies';
import { toResult, type RateLimitBackend, type RateLimitResult } from './types';

/**
 * The embedded limiter: one process, no configuration. It keeps the time of each allowed request
 * (a sliding log), which is exact and small here: at most `limit` numbers per key. Refused requests
 * are not recorded, matching @upstash/ratelimit, so hammering does not extend a lockout.
 */

export interface MemoryLimiterOptions {
  /** Injectable for tests. */
  now?: () => number;
  /** Hard cap on tracked keys; past it the least recently used key is dropped. */
  maxKeys?: number;
}

interface Entry {
  windowMs: number;
  /** Ascending times of allowed requests still inside the window. */
  stamps: number[];
}

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
    const stamps = (this.entries.get(id)?.stamps ?? []).filter((t) => t > now - windowMs);
    const success = stamps.length < limit;
    if (success) stamps.push(now);
    // Re-inserting keeps Map order = least recently used first, which eviction relies on.
    this.entries.delete(id);
    this.entries.set(id, { windowMs, stamps });
    this.evictOverflow();
    const oldest = stamps[0] ?? now;
    return toResult(success, limit, limit - stamps.length, oldest + windowMs, now);
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
