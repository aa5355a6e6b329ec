import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import {
  pgliteConnection,
  postgresConnection,
  useConnection,
  type DbConnection,
} from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';
import { assertLocalDatabaseUrl, withDatabase } from './local-database-url';

export interface TestDatabase {
  connection: DbConnection;
  kind: 'pglite' | 'postgres';
  /** Closes the connection and drops the database (PostgreSQL). */
  drop(): Promise<void>;
}

/**
 * A fresh, isolated database for one test file, installed as lib/db's connection: an in-memory
 * PGlite by default, or a new database on the local PostgreSQL named by TEST_DATABASE_URL.
 * `migrated: false` gives an empty database (for testing the migration runner itself).
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) {
    const connection = pgliteConnection(new PGlite());
    if (migrated) await migrate(connection);
    useConnection(connection);
    return {
      connection,
      kind: 'pglite',
      drop: async () => {
        useConnection(undefined);
        await connection.close();
      },
    };
  }

  const base = assertLocalDatabaseUrl(raw);
  const name = `wf_test_${crypto.randomBytes(6).toString('hex')}`;
  const template = process.env.WF_TEST_TEMPLATE_DB;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    if (migrated && template) {
      await admin.unsafe(`create database ${name} template ${template}`);
    } else {
      await admin.unsafe(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const connection = postgresConnection(withDatabase(base, name), { max: 4 });
  if (migrated && !template) await migrate(connection);
  useConnection(connection);
  return {
    connection,
    kind: 'postgres',
    drop: async () => {
      useConnection(undefined);
      await connection.close();
      const cleanup = postgres(base.toString(), { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
