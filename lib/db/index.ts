import 'server-only';
import { getConnection } from './connection';
import { jwtClaimsSchema, type JwtClaims } from './claims';
import { withRole, type Tx } from './roles';

export type { Tx } from './roles';
export { queryRows } from './roles';
export type { JwtClaims } from './claims';
export { afterCommit } from './after-commit';
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
 */
export async function asUser<T>(claims: JwtClaims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  if (claims === null) return withRole(connection.db, 'anon', { role: 'anon' }, fn, connection.breaker);
  const parsed = jwtClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new InvalidClaimsError();
  return withRole(connection.db, 'authenticated', parsed.data, fn, connection.breaker);
}

/**
 * Runs `fn` as service_role, which bypasses RLS. Only for named server jobs (seeding, webhooks,
 * the grader, admin jobs that say so); `job` names it in the claims for the logs and audit trail.
 */
export async function asService<T>(job: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  return withRole(connection.db, 'service_role', { role: 'service_role', job }, fn, connection.breaker);
}
