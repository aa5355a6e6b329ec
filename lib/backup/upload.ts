import 'server-only';
import { readFile } from 'node:fs/promises';
import type { StorageAdapter } from '@/lib/storage';
import { backupStorageKey } from './file-name';

/**
 * Why an upload must not happen, or null. A dump holds every account's email and password hash:
 * - the local files adapter is the same disk as the dump, so "uploading" there protects nothing;
 * - a bucket served publicly (S3_PUBLIC_URL) would publish it to anyone who learns the key.
 */
export function uploadRefusal(options: {
  adapter: StorageAdapter['name'];
  publicUrl: string | undefined;
  allowLocal: boolean;
  allowPublicBucket: boolean;
}): string | null {
  if (options.adapter === 'local-files' && !options.allowLocal) {
    return (
      'Storage is the local files default (S3_BUCKET is not set): the upload would land on the same disk as the dump. ' +
      'Set S3_BUCKET and the S3_* variables to a private bucket, or pass --allow-local to copy it there anyway.'
    );
  }
  if (options.adapter === 's3' && options.publicUrl && !options.allowPublicBucket) {
    return (
      'S3_PUBLIC_URL is set, so this bucket is served publicly and a dump holds every account\'s email and password hash. ' +
      'Point S3_BUCKET at a private bucket for this command, or pass --allow-public-bucket if backups/ is not publicly readable.'
    );
  }
  return null;
}

export async function uploadBackup(file: string, adapter: StorageAdapter): Promise<{ key: string; durationMs: number }> {
  const key = backupStorageKey(file);
  const started = performance.now();
  // The port takes whole byte arrays (it was built for images); fine for dumps of a few hundred MB.
  const body = await readFile(file);
  await adapter.put(key, body, 'application/octet-stream');
  return { key, durationMs: performance.now() - started };
}
