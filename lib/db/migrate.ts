import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DbConnection } from './connection';

/**
 * The one migration runner, for PGlite, local PostgreSQL and Supabase alike: applies
 * supabase/migrations/*.sql in name order, each in its own transaction, recording each in
 * private.schema_migrations. Safe to run twice and from two processes at once (advisory lock).
 */

// Read at run time from the project directory (not bundled): turbopackIgnore keeps the build from
// tracing the whole project into the server output.
export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'supabase', 'migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d+_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      const [version = file, ...rest] = file.replace(/\.sql$/, '').split('_');
      return {
        version,
        name: rest.join('_'),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const LOCK_KEY = 7_263_001; // any constant; shared by every process migrating this database

export async function migrate(
  connection: DbConnection,
  migrations: Migration[] = readMigrations(),
): Promise<{ applied: string[] }> {
  return connection.withSession(async (session) => {
    await session.runScript(`
      create schema if not exists private;
      create table if not exists private.schema_migrations (
        version text primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      );
    `);
    await session.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const done = new Map(
        (await session.query<{ version: string; checksum: string }>(
          'select version, checksum from private.schema_migrations',
        )).map((row) => [row.version, row.checksum]),
      );
      const applied: string[] = [];
      for (const migration of migrations) {
        const previous = done.get(migration.version);
        if (previous) {
          if (previous !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.version}_${migration.name} changed after it was applied; ` +
                'add a new migration instead of editing an applied one.',
            );
          }
          continue;
        }
        // The record goes in the migration's own transaction, so a crash never leaves a file
        // applied but unrecorded. The values are safe to inline: readMigrations() only accepts
        // names matching /^\d+_[a-z0-9_]+\.sql$/ and the checksum is hex.
        const record =
          'insert into private.schema_migrations (version, name, checksum) values ' +
          `('${migration.version}', '${migration.name}', '${migration.checksum}');`;
        try {
          await session.runScript(`begin;\n${migration.sql}\n;\n${record}\ncommit;`);
        } catch (error) {
          await session.runScript('rollback;').catch(() => {});
          throw new MigrationError(
            `Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`,
            { cause: error },
          );
        }
        applied.push(`${migration.version}_${migration.name}`);
      }
      return { applied };
    } finally {
      await session.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
