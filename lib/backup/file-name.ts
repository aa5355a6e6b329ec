import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Backup file names: `workfree-<database>-<UTC timestamp>-<random>.dump`. They sort by time, say
 * what they hold, and are valid storage keys (lib/storage/keys.ts). The random part matters once a
 * file is uploaded: a name guessable from the time alone would be a name anyone could ask for.
 */

export const BACKUP_EXTENSION = '.dump';
export const DEFAULT_BACKUP_DIR = '.data/backups';

export function backupTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function backupFileName(database: string, now: Date, random: string = randomBytes(6).toString('hex')): string {
  const safeDatabase = database.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'database';
  return `workfree-${safeDatabase}-${backupTimestamp(now)}-${random}${BACKUP_EXTENSION}`;
}

/** BACKUP_DIR, or .data/backups, resolved against the working directory. */
export function backupDirectory(environment: Record<string, string | undefined>, cwd: string = process.cwd()): string {
  const configured = environment.BACKUP_DIR?.trim();
  return path.resolve(cwd, configured || DEFAULT_BACKUP_DIR);
}

/** The storage key a backup is uploaded under. */
export function backupStorageKey(file: string): string {
  return `backups/${path.basename(file)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${((ms % 60_000) / 1000).toFixed(1)} s`;
}

/** A path as printed: relative when under the working directory, absolute otherwise. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(cwd, file);
}
