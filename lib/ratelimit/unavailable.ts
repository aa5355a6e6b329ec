/**
 * Thrown when a limit that must hold (a policy that fails closed, such as sign-in) cannot be
 * checked because the shared backend is unreachable. Routes answer 503 RATE_LIMIT_UNAVAILABLE:
 * without the shared count, an attacker spreading guesses over many instances would meet no limit.
 */
export class RateLimitUnavailableError extends Error {
  constructor(readonly policy: string) {
    super(`The rate-limit backend is unreachable; the ${policy} limit fails closed`);
    this.name = 'RateLimitUnavailableError';
  }
}
