import type { BackendDownMode, RateLimitPolicy } from './policies';

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the next request will be allowed (success: when budget frees up). */
  reset: number;
  /** Whole seconds to wait; 0 when success. */
  retryAfterSeconds: number;
  /** Set when the shared backend was unreachable: `open` means no limit was applied at all. */
  degraded?: Exclude<BackendDownMode, 'closed'>;
}

export type RateLimitBackendKind = 'upstash' | 'redis' | 'memory';

export interface RateLimitBackend {
  readonly kind: RateLimitBackendKind;
  /** Spends one request; `onBackendDown` overrides the policy's own mode for this call. */
  limit(policy: RateLimitPolicy, key: string, onBackendDown?: BackendDownMode): Promise<RateLimitResult>;
  reset(policy: RateLimitPolicy, key: string): Promise<void>;
  close(): Promise<void>;
  /** Throws when the backend cannot be reached (readiness checks); absent: always reachable. */
  ping?(): Promise<void>;
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
