import 'server-only';
import postgres from 'postgres';
import { maskSecret, pgToolTarget } from './connection-target';

/**
 * The few plain SQL statements the backup scripts need outside the app's connection: how much a
 * database holds (before overwriting it) and, for the drill, creating and dropping a scratch one.
 */

async function withClient<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } catch (error) {
    throw new Error(maskSecret((error as Error).message, pgToolTarget(url).password), { cause: error });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Tables, views and sequences outside the system schemas: 0 means there is nothing to lose. */
export async function countUserRelations(url: string): Promise<number> {
  return withClient(url, async (sql) => {
    const [row] = await sql<{ count: number }[]>`
      select count(*)::int as count
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
        and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`;
    return row?.count ?? 0;
  });
}

const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function assertDatabaseName(name: string): string {
  if (!DATABASE_NAME.test(name)) throw new Error(`Refusing database name ${JSON.stringify(name)}.`);
  return name;
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (sql) => sql.unsafe(`create database "${assertDatabaseName(name)}"`));
}

/** Drops the database, ending any session still connected to it (PostgreSQL ≥ 13). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (sql) => sql.unsafe(`drop database if exists "${assertDatabaseName(name)}" with (force)`));
}
