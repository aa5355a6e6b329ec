import 'server-only';
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { logger } from '@/lib/observability/logger';
import { RATE_LIMIT_POLICIES, RATE_LIMIT_POLICY_NAMES, type BackendDownMode, type RateLimitPolicy } from './policies';
import { MemoryRateLimiter } from './memory';
import { toResult, type RateLimitBackend, type RateLimitResult } from './types';
import { RateLimitUnavailableError } from './unavailable';

/**
 * @upstash/ratelimit over a shared Redis: Upstash's REST client, or a Redis server through
 * IoredisUpstashAdapter. Both give it the same client surface, so this is one code path.
 */

/** What this module needs from a client; @upstash/redis's Redis has it, and so does the adapter. */
export type LimiterClient = Pick<Redis, 'evalsha' | 'eval' | 'get' | 'set' | 'del'>;

export interface RedisBackendOptions {
  /** Key namespace; tests give each run its own. */
  prefix?: string;
  /** How long to wait for Redis before using the per-instance fallback. */
  timeoutMs?: number;
  /** Used while Redis is unreachable. */
  fallback?: MemoryRateLimiter;
  close?: () => Promise<void>;
  /** A round trip to the server (PING), for readiness checks. */
  ping?: () => Promise<unknown>;
}

// Keys are emails and IPs: hashing keeps personal data out of the shared store (a third party's,
// with Upstash), bounds key length and keeps glob characters out of key names.
const hashKey = (key: string) => createHash('sha256').update(key).digest('base64url');

const RETRY_REDIS_AFTER_MS = 5000;

export function redisBackend(
  kind: 'upstash' | 'redis',
  client: LimiterClient,
  options: RedisBackendOptions = {},
): RateLimitBackend {
  const prefix = options.prefix ?? 'workfree:rl';
  const fallback = options.fallback ?? new MemoryRateLimiter();
  const limiters = Object.fromEntries(
    RATE_LIMIT_POLICY_NAMES.map((name) => {
      const { limit, windowMs } = RATE_LIMIT_POLICIES[name];
      const limiter = new Ratelimit({
        redis: client,
        prefix: `${prefix}:${name}`,
        limiter: Ratelimit.slidingWindow(limit, `${windowMs} ms`),
        // Its default in-memory block list would outlive resetRateLimit on every other instance.
        ephemeralCache: false,
        timeout: options.timeoutMs ?? 1000,
        analytics: false,
        enableTelemetry: false,
      });
      return [name, limiter];
    }),
  ) as Record<RateLimitPolicy, Ratelimit>;

  let lastWarning = 0;
  let skipUntil = 0;
  function degrade(error: unknown) {
    const now = Date.now();
    // While Redis is down every call would wait out the timeout; skip it for a while instead.
    skipUntil = now + RETRY_REDIS_AFTER_MS;
    if (now - lastWarning < 60_000) return; // once a minute is enough to alert; more floods the log
    lastWarning = now;
    logger().warn({ err: error, backend: kind }, 'rate-limit backend unavailable: sign-in fails closed, reads open, other writes use in-process limits');
  }

  /** What a call gets while the backend is unreachable, per the policy's (or caller's) mode. */
  function whileDown(policy: RateLimitPolicy, key: string, mode: BackendDownMode): RateLimitResult {
    if (mode === 'closed') throw new RateLimitUnavailableError(policy);
    if (mode === 'open') {
      const { limit } = RATE_LIMIT_POLICIES[policy];
      return { ...toResult(true, limit, limit, Date.now(), Date.now()), degraded: 'open' };
    }
    return { ...fallback.limit(policy, key), degraded: 'fallback' };
  }

  return {
    kind,
    async limit(policy, key, onBackendDown = RATE_LIMIT_POLICIES[policy].onBackendDown) {
      if (Date.now() < skipUntil) return whileDown(policy, key, onBackendDown);
      try {
        const r = await limiters[policy].limit(hashKey(key));
        // On timeout the library answers success with limit 0 (fail open): treat it as the outage it is.
        if (r.reason === 'timeout') throw new Error(`no answer within ${options.timeoutMs ?? 1000} ms`);
        return toResult(r.success, r.limit, r.remaining, r.reset, Date.now());
      } catch (error) {
        degrade(error);
        return whileDown(policy, key, onBackendDown);
      }
    },
    async reset(policy, key) {
      fallback.reset(policy, key);
      // The library's resetUsedTokens runs SCAN over the whole keyspace inside one Lua script,
      // blocking Redis for as long as that takes, on every successful login. A sliding window only
      // ever reads the current and previous buckets, and the library names them
      // `<prefix>:<identifier>:<bucket>`, so deleting those two is the same reset at O(1).
      if (Date.now() < skipUntil) return;
      const windowMs = RATE_LIMIT_POLICIES[policy].windowMs;
      const bucket = Math.floor(Date.now() / windowMs);
      const id = `${prefix}:${policy}:${hashKey(key)}`;
      try {
        await client.del(`${id}:${bucket}`, `${id}:${bucket - 1}`);
      } catch (error) {
        // The login already succeeded; a stale counter must not turn it into an error page.
        degrade(error);
      }
    },
    close: options.close ?? (async () => {}),
    ping: async () => {
      if (!options.ping) return;
      await options.ping();
    },
  };
}
