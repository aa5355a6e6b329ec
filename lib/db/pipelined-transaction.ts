import 'server-only';
import type postgres from 'postgres';

/**
 * A postgres-js transaction whose BEGIN travels with its first statements.
 *
 * postgres-js's own `sql.begin()` sends BEGIN and waits for its answer before the transaction's
 * first statement may go: a network write and a round trip per transaction that carry nothing.
 * Under load a socket write to PostgreSQL was the largest single cost of a request
 * (bench/README.md), so here BEGIN is handed to a reserved connection without waiting and the
 * callback starts in the same tick: postgres-js buffers what a connection is given within one tick
 * into one write, and PostgreSQL runs it in order. Should BEGIN fail, the statements behind it
 * fail too and BEGIN's error is the one reported.
 */

type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;
type Query = ReturnType<postgres.Sql['unsafe']>;

/** What drizzle (0.45) uses of a transaction's `sql`: unsafe() for statements, savepoint() for nesting. */
export interface TransactionHandle {
  unsafe(query: string, params?: unknown[], options?: UnsafeOptions): Query;
  savepoint<T>(...args: [fn: (handle: TransactionHandle) => T | Promise<T>] | [name: string, fn: (handle: TransactionHandle) => T | Promise<T>]): Promise<T>;
  /** Settles when BEGIN has answered: the breaker's proof that the database is alive. */
  readonly opened: Promise<unknown>;
}

type Unsafe = (connection: postgres.ReservedSql, query: string, params?: unknown[], options?: UnsafeOptions) => Query;

/** A connection of the pool for the caller alone (postgres-js's `sql.reserve()`). */
export type Reserve = () => Promise<postgres.ReservedSql>;

/**
 * Runs `fn` between BEGIN and COMMIT (ROLLBACK when it throws) on a connection from `reserve`.
 * `unsafe` sends a statement on that connection (the caller's prepare setting).
 */
export async function pipelinedTransaction<T>(
  reserve: Reserve,
  mode: string,
  fn: (handle: TransactionHandle) => T | Promise<T>,
  unsafe: Unsafe,
): Promise<T> {
  const connection = await reserveWatched(reserve, unsafe);
  const { send } = connection;
  let savepoints = 0;
  let committed = false;
  try {
    const opened = send(`begin ${mode.replace(/[^a-z ]/gi, '')}`.trim()).execute();
    const handle: TransactionHandle = {
      unsafe: send,
      opened,
      savepoint: async <R>(...args: unknown[]) => {
        const nested = args[args.length - 1] as (handle: TransactionHandle) => R | Promise<R>;
        const name = `s${savepoints++}`;
        try {
          return await behind(send(`savepoint ${name}`).execute(), () => nested(handle));
        } catch (error) {
          // Should this fail too, the transaction is aborted and its next statement says so.
          await send(`rollback to savepoint ${name}`).catch(() => {});
          throw error;
        }
      },
    };
    const result = await connection.whileOpen(behind(opened, () => fn(handle)));
    await connection.whileOpen(send('commit'));
    committed = true;
    return result;
  } finally {
    await connection.giveBack(committed);
  }
}

/** A connection reserved from the pool that knows when it has closed. */
export interface WatchedConnection {
  /** Sends a statement on it; once it has closed, fails at once instead. */
  send(query: string, params?: unknown[], options?: UnsafeOptions): Query;
  /** `work`, unless the connection closes first: then its close error. */
  whileOpen<T>(work: Promise<T>): Promise<T>;
  /**
   * Returns it to the pool after a transaction: at once when that ended cleanly, else once it
   * has answered ROLLBACK (after a failed COMMIT too, with a warning). One that has closed is not
   * returned: postgres-js has already taken it back to reconnect.
   */
  giveBack(clean: boolean): Promise<void>;
}

/**
 * postgres-js (3.4.9) does not tell a reserved connection's holder that it closed: statements
 * sent on it afterwards never settle, and a released one goes back among the open connections
 * with no socket. Its own begin() watches the connection through the `onexecute` option of the
 * first statement and the connection's `onclose`; this does the same.
 */
export async function reserveWatched(reserve: Reserve, unsafe: Unsafe): Promise<WatchedConnection> {
  const connection = await reserve();
  let closedBy: unknown;
  let reject!: (error: unknown) => void;
  const closed = new Promise<never>((_, r) => (reject = r));
  closed.catch(() => {});
  let watching = false;
  let watched: { onclose?: (error?: unknown) => void } | undefined;
  const onClose = (error?: unknown) => {
    closedBy = error ?? new Error('The database connection closed');
    reject(closedBy);
  };
  const onexecute = (internal: { onclose?: (error?: unknown) => void }) => {
    watched = internal;
    internal.onclose = onClose;
    return true; // what postgres-js's execute() answers without the option: the connection may take more
  };
  const send = (query: string, params?: unknown[], options: UnsafeOptions = {}) => {
    if (closedBy !== undefined) return refused(closedBy);
    if (watching) return unsafe(connection, query, params, options);
    watching = true;
    return unsafe(connection, query, params, { ...options, onexecute });
  };
  const whileOpen = <T>(work: Promise<T>) => Promise.race([work, closed]);
  return {
    send,
    whileOpen,
    giveBack: async (clean) => {
      if (closedBy !== undefined) return;
      if (clean || (await whileOpen(send('rollback')).then(() => true, () => false))) {
        // The next holder of the connection watches it for itself.
        if (watched?.onclose === onClose) watched.onclose = undefined;
        connection.release();
      }
    },
  };
}

/** A statement that failed before it was sent, shaped like postgres-js's query for its callers. */
function refused(error: unknown): Query {
  const failed = Promise.reject(error);
  failed.catch(() => {});
  return Object.assign(failed, { execute: () => failed, values: () => failed }) as unknown as Query;
}

/**
 * Starts `work` in the tick its opening statement (BEGIN or SAVEPOINT, already handed to the
 * connection) was sent, and waits for both: the opening's error wins, since the work's would only
 * be its consequence.
 */
async function behind<T>(opening: Promise<unknown>, work: () => T | Promise<T>): Promise<T> {
  const [opened, outcome] = await Promise.allSettled([opening, Promise.resolve().then(work)]);
  if (opened.status === 'rejected') throw opened.reason;
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}
