import 'server-only';
import { sql } from 'drizzle-orm';
import type { PgTransaction, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Database } from './connection';
import type * as schema from './schema';
import { withAfterCommitScope } from './after-commit';
import { classifyDatabaseError } from './unavailable';
import type { DatabaseBreaker } from './breaker';

export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** The only roles a transaction may switch to. Never built from input. */
export type DbRole = 'anon' | 'authenticated' | 'service_role';

/**
 * Runs `fn` in one transaction as `role`, with `claims` in request.jwt.claims — what Supabase's
 * Data API does for each request, so RLS policies see the same thing here and there.
 *
 * Both settings go in one parameterized statement: set_config('role', …, true) is `set local
 * role`, so this costs a single round trip, and the role arrives as a bound value checked against
 * the allow-list above rather than as text spliced into SQL.
 *
 * Callbacks queued with afterCommit run once the transaction has committed, and a lost connection
 * surfaces as DatabaseUnavailableError (503), not as whatever the driver threw. With a `breaker`
 * (PostgreSQL), waiting for a connection is bounded and an outage fails fast (lib/db/breaker.ts).
 */
export async function withRole<T>(
  db: Database,
  role: DbRole,
  claims: Record<string, unknown>,
  fn: (tx: Tx) => Promise<T>,
  breaker?: DatabaseBreaker,
): Promise<T> {
  if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') {
    throw new Error(`Refusing to switch to database role ${String(role)}`);
  }
  const transaction = async (begun: () => void): Promise<T> => {
    try {
      return await withAfterCommitScope(() =>
        db.transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${role}, true)`,
          );
          begun();
          return fn(tx as Tx);
        }),
      );
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  };
  return breaker ? breaker.run(transaction) : transaction(() => {});
}

/** Rows of a raw `sql` query; the two drivers shape execute()'s result differently. */
export async function queryRows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
