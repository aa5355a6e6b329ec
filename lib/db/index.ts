import 'server-only';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getConnection } from './connection';
import { checkedClaims, type JwtClaims } from './claims';
import { requestScopes, SharedTransaction, type RequestScope } from './request-transaction';
import { queryRows, SET_ROLE_AND_CLAIMS, withRole, type Tx } from './roles';
import { classifyDatabaseError } from './unavailable';

const dialect = new PgDialect();

export type { Tx } from './roles';
export { queryRows } from './roles';
export type { JwtClaims } from './claims';
export { afterCommit } from './after-commit';
export { statement } from './statement';
export { DatabaseUnavailableError } from './unavailable';

export class InvalidClaimsError extends Error {
  constructor() {
    super('The session claims are not valid for a database request');
    this.name = 'InvalidClaimsError';
  }
}

/**
 * Runs `fn` as the caller: `authenticated` with their JWT claims, or `anon` when `claims` is
 * null. RLS decides what the caller sees. This is how every request reaches the database.
 *
 * Inside withRequestTransaction, the request's own caller joins its shared transaction.
 */
export async function asUser<T>(claims: JwtClaims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope = await sharedTransactionFor(claims);
  return scope ? scope.shared.join(fn, scope) : asUserAlone(claims, fn);
}

/**
 * The request's shared transaction when `claims` is its caller's (null: a service job or anon).
 * Anyone else ends it first (commit), unless they run inside a call on it.
 */
async function sharedTransactionFor(claims: JwtClaims | null): Promise<RequestScope | undefined> {
  const scope = requestScopes.getStore();
  if (!scope?.shared.open) return undefined;
  if (claims !== null && claims === scope.shared.claims) return scope;
  if (!scope.inJoin) await scope.shared.end(true);
  return undefined;
}

async function asUserAlone<T>(claims: JwtClaims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  if (claims === null) return withRole(connection.db, 'anon', { role: 'anon' }, fn, connection.breaker);
  const checked = checkedClaims(claims);
  if (!checked) throw new InvalidClaimsError();
  return withRole(connection.db, 'authenticated', checked, fn, connection.breaker);
}

/**
 * One read-only statement as the caller, in a transaction of its own. On PostgreSQL the whole
 * transaction — BEGIN, role and claims, the statement, COMMIT — goes out in one network write
 * instead of three: the session check of every request that does not share a transaction (writes,
 * pages) is such a statement. Inside withRequestTransaction for the same caller it joins that one.
 */
export async function readAsUser<T>(claims: JwtClaims, query: SQL): Promise<T[]> {
  const scope = await sharedTransactionFor(claims);
  if (scope) return scope.shared.join((tx) => queryRows<T>(tx, query), scope);
  const checked = checkedClaims(claims);
  if (!checked) throw new InvalidClaimsError();
  return readInOwnTransaction<T>('authenticated', checked, query, () => asUserAlone(claims, (tx) => queryRows<T>(tx, query)));
}

/** readAsUser for a named service job (asService's rules): one statement, one network write. */
export async function readAsService<T>(job: string, query: SQL): Promise<T[]> {
  await sharedTransactionFor(null);
  return readInOwnTransaction<T>('service_role', { role: 'service_role', job }, query, () => asService(job, (tx) => queryRows<T>(tx, query)));
}

async function readInOwnTransaction<T>(
  role: 'authenticated' | 'service_role',
  claims: Record<string, unknown>,
  query: SQL,
  withoutPipeline: () => Promise<T[]>,
): Promise<T[]> {
  const connection = await getConnection();
  const { readInOneWrite, breaker } = connection;
  if (!readInOneWrite) return withoutPipeline();
  const setup = { text: SET_ROLE_AND_CLAIMS, params: [JSON.stringify(claims), role] };
  const { sql: text, params } = dialect.sqlToQuery(query);
  const read = async (begun: () => void) => {
    try {
      return (await readInOneWrite(setup, { text, params }, begun)) as T[];
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  };
  return breaker ? breaker.run(read) : read(() => {});
}

/**
 * Serves a signed-in read: the asUser calls for `claims` inside `fn` — the session check, then the
 * handler's reads — share one transaction (lib/db/request-transaction.ts), saving a BEGIN, a
 * set_config and a COMMIT per step. Only the identical claims object joins. Under PGlite, which has
 * a single connection and no round trips to save, every call keeps its own transaction.
 */
export async function withRequestTransaction<T>(claims: JwtClaims, fn: () => Promise<T>): Promise<T> {
  const connection = await getConnection();
  if (connection.kind !== 'postgres') return fn();
  const shared = new SharedTransaction(claims, (work) => asUserAlone(claims, work));
  let result: T;
  try {
    result = await requestScopes.run({ shared, inJoin: false }, fn);
  } catch (error) {
    await shared.end(false);
    throw error;
  }
  await shared.end(true);
  return result;
}

/**
 * Runs `fn` as service_role, which bypasses RLS. Only for named server jobs (seeding, webhooks,
 * the grader, admin jobs that say so); `job` names it in the claims for the logs and audit trail.
 */
export async function asService<T>(job: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await sharedTransactionFor(null);
  const connection = await getConnection();
  return withRole(connection.db, 'service_role', { role: 'service_role', job }, fn, connection.breaker);
}
