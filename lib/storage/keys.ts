import { createHash } from 'node:crypto';
import type { ImageExtension } from './image-rules';

/**
 * Object keys. A key is a relative path of plain segments — letters, digits, `.`, `_`, `-`, each
 * segment starting with a letter or digit — so it can name neither a parent directory (`..`), an
 * absolute path, a hidden file, nor anything with a backslash, a NUL or an encoded character.
 * The local adapter turns keys into file paths and the media route takes them from the URL, so
 * both refuse anything else.
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;
const MAX_SEGMENTS = 8;

export class InvalidKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
    this.name = 'InvalidKeyError';
  }
}

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split('/');
  return segments.length <= MAX_SEGMENTS && segments.every((segment) => SEGMENT.test(segment));
}

export function assertValidKey(key: string): string {
  if (!isValidKey(key)) throw new InvalidKeyError(key);
  return key;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where an upload goes: the same bytes always get the same key, so re-uploading is harmless and
 * a key's content never changes (the media route can let browsers cache it forever).
 */
export type MediaPurpose = { kind: 'cover' } | { kind: 'avatar'; userId: string };

export function contentKey(purpose: MediaPurpose, bytes: Uint8Array, extension: ImageExtension): string {
  const name = `${sha256Hex(bytes)}.${extension}`;
  return assertValidKey(purpose.kind === 'cover' ? `covers/${name}` : `avatars/${purpose.userId}/${name}`);
}
