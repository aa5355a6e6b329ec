import type { RateLimitPolicy } from './policies';

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the next request will be allowed (success: when budget frees up). */
  reset: number;
  /** Whole seconds to wait; 0 when success. */
  retryAfterSeconds: number;
}

export type RateLimitBackendKind = 'upstash' | 'redis' | 'memory';

export interface RateLimitBackend {
  readonly kind: RateLimitBackendKind;
  limit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult>;
  reset(policy: RateLimitPolicy, key: string): Promise<void>;
  close(): Promise<void>;
}

export function toResult(success: boolean, limit: number, remaining: number, reset: number, now: number): RateLimitResult {
  return {
    success,
    limit,
    remaining: Math.max(0, remaining),
    reset,
    // At least 1: "Retry-After: 0" invites an immediate retry that is refused again.
    retryAfterSeconds: success ? 0 : Math.max(1, Math.ceil((reset - now) / 1000)),
  };
}
