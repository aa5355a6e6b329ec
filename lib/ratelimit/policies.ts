/**
 * Every rate limit the app applies, in one place (ARCHITECTURE §4). All backends use a sliding
 * window, so a burst at the edge of a window cannot double the budget.
 */
export interface RateLimitPolicyConfig {
  /** Requests allowed inside one window. */
  limit: number;
  windowMs: number;
  /** What happens while the shared backend (Redis, Upstash) is unreachable; see BackendDownMode. */
  onBackendDown: BackendDownMode;
}

/**
 * While Redis or Upstash cannot be reached:
 * - `closed`: refuse (RateLimitUnavailableError → 503): for limits that stop password guessing;
 * - `open`: let the request through with no limit: for reads, which an outage must not take down;
 * - `fallback`: count in this process instead (per instance, so weaker, but not nothing).
 * The embedded in-process backend cannot be unreachable, so none of these apply to it.
 */
export type BackendDownMode = 'closed' | 'open' | 'fallback';

/**
 * The anonymous per-IP budget, 20 a minute unless RATE_LIMIT_PUBLIC_PER_MINUTE says otherwise:
 * a knob for test and load runs where every simulated visitor shares the loopback address. Only a
 * whole number from 1 to 100000 is taken; anything else keeps the default.
 */
export function publicLimitPerMinute(raw: string | undefined = process.env.RATE_LIMIT_PUBLIC_PER_MINUTE): number {
  const value = raw && /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return value >= 1 && value <= 100_000 ? value : 20;
}

export const RATE_LIMIT_POLICIES = {
  /**
   * Keyed by account + IP (see loginKey): one attacker cannot lock a victim out from everywhere,
   * and one IP cannot walk through many passwords for an account. Every attempt counts; a
   * successful login clears the counter (resetRateLimit).
   */
  login: { limit: 5, windowMs: 15 * 60_000, onBackendDown: 'closed' },
  /** Keyed by the signed-in user's id. */
  api: { limit: 100, windowMs: 60_000, onBackendDown: 'fallback' },
  /** Keyed by client IP (clientIp), for anonymous traffic. */
  public: { limit: publicLimitPerMinute(), windowMs: 60_000, onBackendDown: 'fallback' },
} as const satisfies Record<string, RateLimitPolicyConfig>;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

export const RATE_LIMIT_POLICY_NAMES = Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicy[];

/** Case and spacing must not give a guesser a fresh budget for the same account. */
export function loginKey(account: string, ip: string | null): string {
  return `${account.trim().toLowerCase()}|${ip ?? 'unknown'}`;
}
