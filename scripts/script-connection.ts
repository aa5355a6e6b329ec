import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { env } from '@/lib/env';
import { pgliteConnection, postgresConnection, useConnection, type DbConnection } from '@/lib/db/connection';

/** Opens the configured database for a CLI script and installs it for lib/db. */
export async function openScriptConnection(): Promise<{ connection: DbConnection; target: string }> {
  const config = env();
  let connection: DbConnection;
  let target: string;
  if (config.DATABASE_URL) {
    connection = postgresConnection(config.DATABASE_URL, { max: 2 });
    const url = new URL(config.DATABASE_URL);
    target = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    const dir = path.resolve(process.cwd(), config.PGLITE_DATA_DIR);
    fs.mkdirSync(dir, { recursive: true });
    connection = pgliteConnection(new PGlite(dir));
    target = `the embedded database in ${config.PGLITE_DATA_DIR} (stop \`npm run dev\` first: only one process may open it)`;
  }
  useConnection(connection);
  return { connection, target };
}

export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
