import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import * as schema from './schema';
import { DatabaseBreaker, type BreakerOptions } from './breaker';
import { pipelinedTransaction, reserveWatched, type Reserve, type TransactionHandle } from './pipelined-transaction';

/**
 * The database port's two drivers. Nothing outside lib/db imports this module: application code
 * reaches the database only through asUser/asService (lib/db/index.ts), so it always runs as a
 * chosen role (tests/lib/db/db-boundary.test.ts enforces the rule).
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Statement {
  text: string;
  params: unknown[];
}

/** One session pinned for the length of `fn`: migrations need their lock and statements on one. */
export interface DbSession {
  runScript(script: string): Promise<void>;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DbConnection {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** PostgreSQL only: bounds how long a transaction may wait on a database that went away. */
  readonly breaker?: DatabaseBreaker;
  /**
   * PostgreSQL only: BEGIN, `setup` (role and claims), `statement` and COMMIT sent in one network
   * write on one connection; resolves to the statement's rows. `begun` is called when BEGIN has
   * answered (lib/db/breaker.ts).
   */
  readInOneWrite?(setup: Statement, statement: Statement, begun: () => void): Promise<Record<string, unknown>[]>;
  withSession<T>(fn: (session: DbSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteConnection(client: PGlite): DbConnection {
  const session: DbSession = {
    runScript: async (script) => {
      await client.exec(script);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params)).rows,
  };
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }) as unknown as Database,
    withSession: (fn) => fn(session),
    close: () => client.close(),
  };
}

/** Supabase's transaction pooler listens on 6543. */
const TRANSACTION_POOLER_PORT = '6543';

/**
 * Whether connections to `url` use named prepared statements. They matter more than they look:
 * without them postgres-js sends each statement with parameters twice — once to learn the
 * parameter types, then to run it — two round trips and two socket writes, and a transaction's
 * statements cannot travel together. Prepared, a statement seen before on that connection goes
 * out once, and the pipelined ones of lib/db/roles.ts share one write. A transaction pooler hands
 * each transaction a different server connection, so there (port 6543) they stay off.
 */
export function usesPreparedStatements(url: string, setting: boolean | 'auto' = 'auto'): boolean {
  if (setting !== 'auto') return setting;
  try {
    return new URL(url).port !== TRANSACTION_POOLER_PORT;
  } catch {
    return false;
  }
}

type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;

/**
 * `sql` as drizzle sees it. Its statements are prepared when `prepare` is on: drizzle (0.45) asks
 * postgres-js to prepare only queries built with .prepare(name), and postgres-js's unsafe()
 * prepares nothing by default. postgres-js keeps each connection's statements by their text and
 * re-prepares them when a connection is replaced. Its transactions (and their savepoints) send
 * BEGIN with their first statements (lib/db/pipelined-transaction.ts).
 */
function drizzleClient(pool: postgres.Sql, prepare: boolean, reserve: Reserve): postgres.Sql {
  const unsafe = (connection: postgres.Sql | postgres.ReservedSql, query: string, params?: unknown[], options: UnsafeOptions = {}) =>
    connection.unsafe(query, params as postgres.ParameterOrJSON<never>[], prepare ? { ...options, prepare: true } : options);
  return new Proxy(pool, {
    get(object, key, receiver) {
      if (key === 'unsafe') return (query: string, params?: unknown[], options?: UnsafeOptions) => unsafe(object, query, params, options);
      if (key === 'begin') {
        // (fn) or (mode, fn), as postgres-js takes them.
        return (...args: unknown[]) =>
          pipelinedTransaction(reserve, args.length > 1 ? String(args[0]) : '', args[args.length - 1] as (tx: TransactionHandle) => unknown, unsafe);
      }
      return Reflect.get(object, key, receiver) as unknown;
    },
  });
}

export function postgresConnection(
  url: string,
  options: { max?: number; breaker?: BreakerOptions; preparedStatements?: boolean | 'auto' } = {},
): DbConnection {
  const prepare = usesPreparedStatements(url, options.preparedStatements);
  const open = () =>
    postgres(url, {
      prepare,
      max: options.max ?? 10,
      onnotice: () => {},
      // A database that is down must fail a request within seconds (503), not hold it for the
      // driver's default of 30 s. Connections are opened per query as needed, so once the database
      // is back the next request simply connects again: no restart of the app.
      connect_timeout: 3,
      // Idle connections are closed after a minute and every connection is renewed within an hour,
      // so a pool never keeps sockets that a restart or failover left dead for long.
      idle_timeout: 60,
      max_lifetime: 60 * 60,
    });
  let client = open();
  let ended = false;
  // postgres-js's reserve() does not check whether its pool has ended, as its queries do.
  const reserveOn = (sql: postgres.Sql): Reserve => () =>
    ended ? Promise.reject(Object.assign(new Error('The database connection was closed'), { code: 'CONNECTION_ENDED' })) : sql.reserve();
  const forDrizzle = (sql: postgres.Sql) => drizzleClient(sql, prepare, reserveOn(sql));
  let db = drizzlePostgres({ client: forDrizzle(client), schema }) as unknown as Database;
  // A connection of its own, outside the pool, to tell "the pool is busy" from "the database is
  // gone" when a transaction could not get a connection in time (lib/db/breaker.ts).
  let pinger: postgres.Sql | undefined;
  const dropPinger = () => {
    pinger?.end({ timeout: 0 }).catch(() => {});
    pinger = undefined;
  };
  const ping = async () => {
    pinger ??= postgres(url, { prepare: false, max: 1, onnotice: () => {}, connect_timeout: 2, idle_timeout: 10 });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pinger`select 1`,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('ping timed out')), 2_000))),
      ]);
    } catch (error) {
      dropPinger();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  const breaker = new DatabaseBreaker({
    ping,
    ...options.breaker,
    onOpen: () => {
      // After an outage the old pool cannot be trusted: a slot can stay held by a transaction
      // whose queries never settle, and its connections have been seen writing garbage to the
      // next server (postgres-js 3.4.9). So new transactions get a fresh pool, and the old one is
      // destroyed at once (timeout 0), which also frees every connection it still holds.
      const old = client;
      client = open();
      db = drizzlePostgres({ client: forDrizzle(client), schema }) as unknown as Database;
      old.end({ timeout: 0 }).catch(() => {});
      options.breaker?.onOpen?.();
    },
  });
  const readInOneWrite = async (setup: Statement, statement: Statement, begun: () => void) => {
    const connection = await reserveWatched(reserveOn(client), (reserved, text, params, options) =>
      reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[], { ...options, prepare }),
    );
    let committed = false;
    try {
      const send = (text: string, params: unknown[] = []) => connection.send(text, params).execute();
      // Handed to the connection in this order within one tick: one write, run in order. A failed
      // statement aborts the transaction and its COMMIT becomes a ROLLBACK, so nothing is left open.
      const begin = send('begin');
      const configured = send(setup.text, setup.params);
      const rows = send(statement.text, statement.params);
      const commit = send('commit');
      const [, , result] = await connection.whileOpen(Promise.all([begin.then(begun), configured, rows, commit]));
      committed = true;
      return result as unknown as Record<string, unknown>[];
    } finally {
      await connection.giveBack(committed);
    }
  };
  return {
    kind: 'postgres',
    get db() {
      return db;
    },
    breaker,
    readInOneWrite,
    withSession: async (fn) => {
      const reserved = await client.reserve();
      try {
        return await fn({
          runScript: async (script) => {
            await reserved.unsafe(script);
          },
          query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
            (await reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
        });
      } finally {
        reserved.release();
      }
    },
    close: async () => {
      ended = true;
      dropPinger();
      await client.end({ timeout: 5 });
    },
  };
}

async function openConfigured(): Promise<DbConnection> {
  const config = env();
  if (config.DATABASE_URL) {
    return postgresConnection(config.DATABASE_URL, {
      max: config.DATABASE_POOL_MAX,
      preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
    });
  }
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), config.PGLITE_DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const connection = pgliteConnection(new PGlite(dataDir));
  // The embedded database sets itself up on first start: migrations, then the demo catalog.
  const { bootstrapEmbedded } = await import('./bootstrap');
  await bootstrapEmbedded(connection);
  return connection;
}

// One connection per process, kept on globalThis so dev-server reloads reuse it: PGlite must not
// be opened twice on the same directory.
const holder = globalThis as typeof globalThis & { __workfreeDb?: Promise<DbConnection> };

export function getConnection(): Promise<DbConnection> {
  if (!holder.__workfreeDb) {
    holder.__workfreeDb = openConfigured();
    holder.__workfreeDb.catch(() => {
      holder.__workfreeDb = undefined; // let the next request try again
    });
  }
  return holder.__workfreeDb;
}

/** Tests and scripts install the connection they opened themselves. */
export function useConnection(connection: DbConnection | undefined): void {
  holder.__workfreeDb = connection ? Promise.resolve(connection) : undefined;
}
