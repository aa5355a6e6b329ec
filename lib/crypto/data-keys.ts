import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { KEY_BYTES, keyIdOf, parseDataKey, type KeyRing } from './field-encryption';

const holder = globalThis as typeof globalThis & { __workfreeDataKeys?: KeyRing };

/** Where `npm run dev` keeps the key it generated, next to the embedded database it protects. */
export const LOCAL_KEY_FILE = path.join('.data', 'encryption-key');

/**
 * The key generated for the embedded defaults, created once (0600) and then reused. `wx` makes
 * two processes starting together agree on one key instead of overwriting each other's.
 */
function localKey(): Buffer {
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), LOCAL_KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseDataKey(fs.readFileSync(file, 'utf8'), LOCAL_KEY_FILE).key;
}

/**
 * The data keys: DATA_ENCRYPTION_KEY when set. Without it, tests use a per-process key and local
 * runs on the embedded database a key kept under .data/. A deployment with its own database
 * (DATABASE_URL) must set the key: one generated on an app server's disk would be lost with that
 * disk while the database and its backups live on, unreadable.
 */
export function dataKeyRing(): KeyRing {
  if (holder.__workfreeDataKeys) return holder.__workfreeDataKeys;
  const config = env();
  let ring: KeyRing;
  if (config.DATA_ENCRYPTION_KEY) {
    ring = { current: parseDataKey(config.DATA_ENCRYPTION_KEY), previous: [] };
  } else if (config.NODE_ENV === 'test') {
    const key = crypto.randomBytes(KEY_BYTES);
    ring = { current: { id: keyIdOf(key), key }, previous: [] };
  } else if (config.NODE_ENV === 'production' && config.DATABASE_URL) {
    throw new Error(
      'DATA_ENCRYPTION_KEY is missing: production with DATABASE_URL needs a fixed 32-byte key for the encrypted ' +
        "profile fields. Generate one with `node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"` " +
        'and keep it with your other secrets (losing it makes those fields unreadable).',
    );
  } else {
    const key = localKey();
    ring = { current: { id: keyIdOf(key), key }, previous: [] };
  }
  holder.__workfreeDataKeys = ring;
  return ring;
}

/** For tests and the rotation script: use this ring instead of the configured one (undefined: back to it). */
export function useDataKeyRing(ring: KeyRing | undefined): void {
  holder.__workfreeDataKeys = ring;
}
