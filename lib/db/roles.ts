import 'server-only';
import { sql } from 'drizzle-orm';
import type { PgTransaction, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Database } from './connection';
import type * as schema from './schema';
import { withAfterCommitScope } from './after-commit';
import { classifyDatabaseError } from './unavailable';
import type { DatabaseBreaker } from './breaker';
import type { TransactionHandle } from './pipelined-transaction';

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
 *
 * On PostgreSQL the settings statement is not awaited before `fn` starts: it is handed to the
 * connection first, so it runs first, and `fn`'s first statement goes out in the same network
 * write. Every saved write counts: under load a socket write to PostgreSQL was the largest single
 * cost of a request (bench/README.md).
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
  const settings = JSON.stringify(claims);
  const transaction = async (begun: () => void, wanted: () => void = () => {}): Promise<T> => {
    try {
      return await withAfterCommitScope(() =>
        db.transaction(async (tx) => {
          const pipeline = postgresTransactionOf(tx);
          if (!pipeline) {
            // BEGIN has answered: the database is alive. A caller already answered 503 makes
            // begun() throw here, so its work never starts and nothing commits.
            begun();
            await tx.execute(sql`select set_config('request.jwt.claims', ${settings}, true), set_config('role', ${role}, true)`);
            return fn(tx as Tx);
          }
          // On PostgreSQL BEGIN is still on its way, in the same write as what follows
          // (lib/db/pipelined-transaction.ts). A caller answered 503 while this waited for a
          // connection makes wanted() throw, so its work never starts. begun() runs on BEGIN's
          // answer; should it throw (answered meanwhile), the transaction rolls back.
          wanted();
          const opened = pipeline.opened.then(begun);
          // execute() hands the statement to the connection now, synchronously, so nothing `fn`
          // sends can overtake it: RLS always sees the role.
          const configured = pipeline.unsafe(SET_ROLE_AND_CLAIMS, [settings, role]).execute();
          const work = Promise.resolve().then(() => fn(tx as Tx));
          // All settle before the transaction ends: a failed set_config fails `fn`'s statements
          // too (the transaction is aborted), and its own error is the one worth reporting.
          const [open, setup, outcome] = await Promise.allSettled([opened, configured, work]);
          if (open.status === 'rejected') throw open.reason;
          if (setup.status === 'rejected') throw setup.reason;
          if (outcome.status === 'rejected') throw outcome.reason;
          return outcome.value;
        }),
      );
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  };
  return breaker ? breaker.run(transaction) : transaction(() => {});
}

/** Sets the transaction's role and claims ($1 claims JSON, $2 role): what Supabase's Data API does per request. */
export const SET_ROLE_AND_CLAIMS = `select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`;

/**
 * The transaction's handle on its PostgreSQL connection (lib/db/pipelined-transaction.ts), which
 * drizzle (0.45) keeps as `tx.session.client`; undefined under PGlite, which has no network round
 * trips to save.
 */
function postgresTransactionOf(tx: unknown): TransactionHandle | undefined {
  const client = (tx as { session?: { client?: unknown } }).session?.client as Partial<TransactionHandle> | undefined;
  return client && typeof client.unsafe === 'function' && client.opened instanceof Promise ? (client as TransactionHandle) : undefined;
}

/** Rows of a raw `sql` query; the two drivers shape execute()'s result differently. */
export async function queryRows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
