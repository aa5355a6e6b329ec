/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, network
 * gone), as opposed to a query the database refused. Those become 503 DATABASE_UNAVAILABLE with
 * Retry-After instead of 500: the request was fine and may be repeated shortly.
 */

/** SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, and class 08 (connection exception). */
const UNAVAILABLE_SQLSTATES = /^(57P01|57P02|57P03|08[0-9A-Z]{3})$/;

/** Node's socket errors and postgres-js's own connection codes. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors (cause), and a failed connect can be an AggregateError (IPv4 and IPv6).
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_CODES.has(code))) return true;
    queue.push((e as { cause?: unknown }).cause);
    const nested = (e as { errors?: unknown }).errors;
    if (Array.isArray(nested)) queue.push(...nested);
  }
  return false;
}

/** A failed HTTP call (fetch's "fetch failed") inside a transaction is some other service, not the database. */
function isFetchFailure(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

const BRAND = Symbol.for('workfree.DatabaseUnavailableError');

/** Thrown by asUser/asService when the database could not be reached; the route answers 503. */
export class DatabaseUnavailableError extends Error {
  readonly [BRAND] = true;

  constructor(cause: unknown) {
    super('The database is not reachable', { cause });
    this.name = 'DatabaseUnavailableError';
  }

  /**
   * `instanceof` by brand, not by class identity. A production build can hold several copies of
   * this module (route bundles), while the connection and its breaker live once per process on
   * globalThis: an error made by the breaker's copy must still be recognised by every route's
   * copy, or it would be answered 500 instead of 503.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** Rethrows a connection failure as DatabaseUnavailableError, anything else as it is. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  return isDatabaseUnavailable(error) && !isFetchFailure(error) ? new DatabaseUnavailableError(error) : error;
}
