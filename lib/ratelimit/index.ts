import 'server-only';
import { env } from '@/lib/env';
import { createRateLimitBackend } from './backend';
import type { BackendDownMode, RateLimitPolicy } from './policies';
import type { RateLimitBackend, RateLimitResult } from './types';

/**
 * The rate-limit port. Callers name a policy (lib/ratelimit/policies.ts) and a key; the backend
 * is chosen once from configuration.
 */

export { RATE_LIMIT_POLICIES, loginKey, type BackendDownMode, type RateLimitPolicy } from './policies';
export { RateLimitUnavailableError } from './unavailable';
export type { RateLimitBackend, RateLimitResult } from './types';
export { clientIp } from './client-ip';

// Kept on globalThis so dev-server reloads reuse one limiter (and one Redis connection) instead
// of opening another per reload and forgetting the counts.
const holder = globalThis as typeof globalThis & { __workfreeRateLimit?: RateLimitBackend };

function backend(): RateLimitBackend {
  holder.__workfreeRateLimit ??= createRateLimitBackend(env());
  return holder.__workfreeRateLimit;
}

/**
 * Spends one request from `key`'s budget under `policy`. While a shared backend is unreachable the
 * policy's onBackendDown decides (or `onBackendDown` here); `closed` throws RateLimitUnavailableError.
 */
export function rateLimit(policy: RateLimitPolicy, key: string, onBackendDown?: BackendDownMode): Promise<RateLimitResult> {
  return backend().limit(policy, key, onBackendDown);
}

/** Clears `key`'s count, e.g. the login failures once the password was right. */
export function resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  return backend().reset(policy, key);
}

/** Standard headers for any response; Retry-After only on a refusal (with the 429). */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(result.limit),
    'X-RateLimit-Remaining': String(result.remaining),
    'X-RateLimit-Reset': String(Math.ceil(result.reset / 1000)),
  };
  if (!result.success) headers['Retry-After'] = String(result.retryAfterSeconds);
  return headers;
}

/** Throws when the configured backend cannot be reached (readiness checks). */
export async function pingRateLimitBackend(): Promise<void> {
  await backend().ping?.();
}

/** Which backend is in use (health checks, logs). */
export function rateLimitBackendKind(): RateLimitBackend['kind'] {
  return backend().kind;
}

/** Tests and scripts install their own backend; undefined makes the next call choose from env again. */
export function useRateLimitBackend(next: RateLimitBackend | undefined): void {
  holder.__workfreeRateLimit = next;
}

/** Closes the backend's connections (Redis) so a test run or script can exit. */
export async function closeRateLimitBackend(): Promise<void> {
  const current = holder.__workfreeRateLimit;
  holder.__workfreeRateLimit = undefined;
  await current?.close();
}
