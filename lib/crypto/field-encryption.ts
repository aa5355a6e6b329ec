import crypto from 'node:crypto';

/**
 * AES-256-GCM for single database values (product spec §5.3, "Sensitive data: AES-256-GCM").
 * Each value becomes one self-describing string,
 *
 *   enc:v1:<keyId>:<iv>:<tag>:<ciphertext>      (each part base64url)
 *
 * with a fresh random 96-bit IV per value and the 128-bit tag checked on the way back, so a
 * flipped byte is an error, never garbage. The key id says which key wrote the value, so keys can
 * rotate: the ring decrypts with any key it holds and encrypts with the current one. `context`
 * (the table and column) is bound in as associated data: a value copied into another column does
 * not decrypt there.
 */

export const ENVELOPE_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  current: DataKey;
  /** Keys that may still have written stored values; the current one is always tried too. */
  previous: DataKey[];
}

export class FieldDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

/** A short public name for a key (not the key): the first 48 bits of a hash of it. */
export function keyIdOf(key: Buffer): string {
  return crypto.createHash('sha256').update('workfree-data-key\0').update(key).digest('base64url').slice(0, 8);
}

/**
 * 32 bytes, written as 64 hex characters or as base64/base64url (44 or 43 characters).
 * Anything else is refused with a message that says how to make a good key.
 */
export function parseDataKey(text: string, name = 'DATA_ENCRYPTION_KEY'): DataKey {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-f]{64}$/i.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length !== KEY_BYTES) {
    throw new Error(
      `${name} must be 32 random bytes written as 64 hex characters or base64; generate one with ` +
        '`node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`',
    );
  }
  return { id: keyIdOf(key), key };
}

export const isEncryptedValue = (value: string) => value.startsWith(ENVELOPE_PREFIX);

export function encryptValue(plaintext: string, ring: KeyRing, context: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${ENVELOPE_PREFIX}${ring.current.id}:${iv.toString('base64url')}:${tag.toString('base64url')}:${ciphertext.toString('base64url')}`;
}

export function decryptValue(envelope: string, ring: KeyRing, context: string): string {
  if (!isEncryptedValue(envelope)) throw new FieldDecryptionError(`Not an encrypted value (expected ${ENVELOPE_PREFIX}…)`);
  const parts = envelope.slice(ENVELOPE_PREFIX.length).split(':');
  if (parts.length !== 4) throw new FieldDecryptionError('Malformed encrypted value');
  const [keyId, ivText, tagText, dataText] = parts as [string, string, string, string];
  const key = [ring.current, ...ring.previous].find((k) => k.id === keyId);
  if (!key) {
    throw new FieldDecryptionError(`This value was encrypted with data key ${keyId}, which is not configured (current key ${ring.current.id})`);
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptionError('Malformed encrypted value');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM says only "unable to authenticate": the value, its context or the key is not what wrote it.
    throw new FieldDecryptionError(`Encrypted value failed its integrity check (${context}): tampered, or written for another column`);
  }
}

/** Whether a stored value should be rewritten: plaintext from before encryption, or an older key. */
export const needsReencryption = (stored: string, ring: KeyRing) =>
  !isEncryptedValue(stored) || !stored.startsWith(`${ENVELOPE_PREFIX}${ring.current.id}:`);
