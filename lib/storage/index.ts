import 'server-only';
import { ConfigError, env, type Env } from '@/lib/env';
import { isValidKey } from './keys';
import { localStorageAdapter } from './local-adapter';
import { s3StorageAdapter } from './s3-adapter';
import type { StorageAdapter } from './types';

/**
 * The storage port (ARCHITECTURE §2): an S3-compatible bucket when S3_BUCKET is set (AWS S3,
 * Supabase Storage's S3 endpoint, R2, MinIO), files under UPLOADS_DIR otherwise.
 */

export type { StorageAdapter, StoredObject } from './types';

/** The adapter configuration asks for; refuses half-set or unsafe configurations, naming the variable. */
export function createStorageAdapter(config: Env): StorageAdapter {
  if (config.S3_BUCKET) {
    const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
    // Half a pair is a typo, not a choice: falling back to the SDK's credential chain would hide it.
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      const missing = accessKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
      throw new ConfigError(`${missing} is missing: S3 storage needs both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or neither, for the AWS credential chain).`);
    }
    return s3StorageAdapter({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
  }
  const serverless = Boolean(config.VERCEL || config.AWS_LAMBDA_FUNCTION_NAME);
  if (config.NODE_ENV === 'production' && serverless && !config.ALLOW_EMBEDDED_IN_PRODUCTION) {
    throw new ConfigError(
      'S3_BUCKET is missing: a serverless host does not keep local files, so uploaded images would be lost. ' +
        'Set S3_BUCKET and the S3_* settings (or ALLOW_EMBEDDED_IN_PRODUCTION=true to accept that).',
    );
  }
  return localStorageAdapter(config.UPLOADS_DIR);
}

// Chosen once per configuration: env() caches its parse, so the adapter follows it (tests that
// call resetEnvForTests() get one built from their new variables). An installed adapter wins.
let chosen: { config: Env; adapter: StorageAdapter } | undefined;
let installed: StorageAdapter | undefined;

export function storage(): StorageAdapter {
  if (installed) return installed;
  const config = env();
  if (chosen?.config !== config) chosen = { config, adapter: createStorageAdapter(config) };
  return chosen.adapter;
}

/** Tests install their own adapter (a temporary directory); undefined goes back to configuration. */
export function useStorageAdapter(adapter: StorageAdapter | undefined): void {
  installed = adapter;
}

const MEDIA_ROUTE = '/api/media/';

/** The URL an object is shown at: the public bucket or CDN when S3_PUBLIC_URL is set, our media route otherwise. */
export function mediaUrl(key: string): string {
  const config = env();
  const publicBase = storage().name === 's3' ? config.S3_PUBLIC_URL : undefined;
  return publicBase ? `${publicBase}/${key}` : `${MEDIA_ROUTE}${key}`;
}

/** The key behind a URL mediaUrl() made, or null for any other URL (someone else's image, a typo). */
export function keyFromMediaUrl(url: string): string | null {
  const publicBase = env().S3_PUBLIC_URL;
  const prefix = url.startsWith(MEDIA_ROUTE) ? MEDIA_ROUTE : publicBase && url.startsWith(`${publicBase}/`) ? `${publicBase}/` : null;
  if (!prefix) return null;
  const key = url.slice(prefix.length);
  return isValidKey(key) ? key : null;
}
