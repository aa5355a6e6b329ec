import 'server-only';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pgToolTarget } from './connection-target';
import { backupFileName } from './file-name';
import { runPgTool } from './pg-tools';

/** pg_dump's arguments: custom format (compressed, restorable table by table), never a prompt. */
export function pgDumpArgs(dbname: string, file: string): string[] {
  return ['--format=custom', '--no-password', '--file', file, '--dbname', dbname];
}

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
}

/**
 * Dumps the database at `url` into `directory` under a timestamped name. The dump is written
 * beside its final name and renamed when pg_dump succeeds, so a file with the final name is
 * always a complete dump.
 */
export async function backupDatabase(options: { url: string; directory: string; now?: Date }): Promise<BackupResult> {
  const target = pgToolTarget(options.url);
  await mkdir(options.directory, { recursive: true });
  const file = path.join(options.directory, backupFileName(target.database, options.now ?? new Date()));
  const partial = `${file}.partial`;
  const started = performance.now();
  try {
    await runPgTool('pg_dump', pgDumpArgs(target.dbname, partial), options.url);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const durationMs = performance.now() - started;
  const { size } = await stat(file);
  return { file, bytes: size, durationMs };
}
