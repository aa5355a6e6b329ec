import 'server-only';
import { access } from 'node:fs/promises';
import { pgToolTarget } from './connection-target';
import { runPgTool } from './pg-tools';

/**
 * pg_restore's arguments. --clean --if-exists drops what the dump is about to recreate (a no-op on
 * an empty database); --no-owner makes the connecting user own everything, so a dump taken as one
 * user restores as another; --single-transaction with --exit-on-error means a failed restore
 * leaves the target as it was instead of half-replaced. Grants are kept: RLS depends on them.
 */
export function pgRestoreArgs(dbname: string, file: string): string[] {
  return [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--exit-on-error',
    '--no-password',
    '--dbname',
    dbname,
    file,
  ];
}

export async function restoreDatabase(options: { url: string; file: string }): Promise<{ durationMs: number }> {
  await access(options.file).catch(() => {
    throw new Error(`No backup file at ${options.file}.`);
  });
  const target = pgToolTarget(options.url);
  const started = performance.now();
  await runPgTool('pg_restore', pgRestoreArgs(target.dbname, options.file), options.url);
  return { durationMs: performance.now() - started };
}
