import crypto from 'node:crypto';
import {
  ENVELOPE_PREFIX,
  FieldDecryptionError,
  decryptValue,
  encryptValue,
  keyIdOf,
  needsReencryption,
  parseDataKey,
  type KeyRing,
} from '@/lib/crypto/field-encryption';

const ringOf = (key: Buffer, previous: Buffer[] = []): KeyRing => ({
  current: { id: keyIdOf(key), key },
  previous: previous.map((k) => ({ id: keyIdOf(k), key: k })),
});

const CONTEXT = 'profiles.suspended_reason';

/** The envelope's parts after `enc:v1:`: keyId, iv, tag, ciphertext. */
const partsOf = (envelope: string) => envelope.slice(ENVELOPE_PREFIX.length).split(':');

describe('field encryption (AES-256-GCM envelopes)', () => {
  const key = crypto.randomBytes(32);
  const ring = ringOf(key);

  it('round-trips text, including unicode, NUL bytes and the empty string', () => {
    for (const text of ['203.0.113.7', 'Mozilla/5.0 (X11; Linux) ✓ 日本語 \u0000 end', '', 'x'.repeat(10_000)]) {
      const envelope = encryptValue(text, ring, CONTEXT);
      expect(envelope.startsWith(`${ENVELOPE_PREFIX}${ring.current.id}:`)).toBe(true);
      expect(envelope).not.toContain(text || '\u0001');
      expect(decryptValue(envelope, ring, CONTEXT)).toBe(text);
    }
  });

  it('uses a fresh 96-bit IV for every value, so equal plaintexts never look equal', () => {
    const envelopes = Array.from({ length: 200 }, () => encryptValue('same value', ring, CONTEXT));
    const ivs = envelopes.map((e) => partsOf(e)[1]!);
    expect(new Set(envelopes).size).toBe(200);
    expect(new Set(ivs).size).toBe(200);
    for (const iv of ivs) expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
  });

  it('refuses a value with any flipped byte (ciphertext, tag or IV) instead of returning garbage', () => {
    const envelope = encryptValue('the real reason', ring, CONTEXT);
    const [keyId, iv, tag, data] = partsOf(envelope) as [string, string, string, string];
    const flip = (part: string, at = 0) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[at] = bytes[at]! ^ 0x01;
      return bytes.toString('base64url');
    };
    const tampered = [
      [keyId, iv, tag, flip(data)],
      [keyId, iv, tag, flip(data, Buffer.from(data, 'base64url').length - 1)],
      [keyId, iv, flip(tag), data],
      [keyId, flip(iv), tag, data],
    ].map((p) => ENVELOPE_PREFIX + p.join(':'));
    for (const value of tampered) {
      expect(() => decryptValue(value, ring, CONTEXT)).toThrow(FieldDecryptionError);
    }
    // Truncated and malformed envelopes are refused the same way.
    expect(() => decryptValue(envelope.slice(0, -4), ring, CONTEXT)).toThrow(FieldDecryptionError);
    expect(() => decryptValue(`${ENVELOPE_PREFIX}${keyId}:${iv}`, ring, CONTEXT)).toThrow(FieldDecryptionError);
    expect(() => decryptValue('plain text', ring, CONTEXT)).toThrow(FieldDecryptionError);
  });

  it('refuses a value moved to another column (the column is bound in as associated data)', () => {
    const envelope = encryptValue('203.0.113.7', ring, 'refresh_tokens.ip');
    expect(() => decryptValue(envelope, ring, 'refresh_tokens.user_agent')).toThrow(FieldDecryptionError);
  });

  it('refuses to decrypt with the wrong key, naming the key id the value needs', () => {
    const envelope = encryptValue('secret', ring, CONTEXT);
    const other = ringOf(crypto.randomBytes(32));
    expect(() => decryptValue(envelope, other, CONTEXT)).toThrow(new RegExp(`data key ${ring.current.id}`));
    // A forged key id that matches the wrong key still fails authentication.
    const forged = envelope.replace(ring.current.id, other.current.id);
    expect(() => decryptValue(forged, other, CONTEXT)).toThrow(/integrity check/);
  });

  it('rotates: a ring with the old key as previous reads old values and writes under the new key', () => {
    const oldEnvelope = encryptValue('from last year', ring, CONTEXT);
    const newKey = crypto.randomBytes(32);
    const rotated = ringOf(newKey, [key]);
    expect(decryptValue(oldEnvelope, rotated, CONTEXT)).toBe('from last year');
    expect(needsReencryption(oldEnvelope, rotated)).toBe(true);
    const rewritten = encryptValue('from last year', rotated, CONTEXT);
    expect(partsOf(rewritten)[0]).toBe(keyIdOf(newKey));
    expect(needsReencryption(rewritten, rotated)).toBe(false);
    expect(needsReencryption('legacy plaintext', rotated)).toBe(true);
  });

  it('accepts a 32-byte key as 64 hex or base64, and refuses anything else with how to make one', () => {
    const bytes = crypto.randomBytes(32);
    expect(parseDataKey(bytes.toString('hex')).key.equals(bytes)).toBe(true);
    expect(parseDataKey(bytes.toString('base64')).key.equals(bytes)).toBe(true);
    expect(parseDataKey(bytes.toString('base64url')).key.equals(bytes)).toBe(true);
    for (const bad of ['', 'short', crypto.randomBytes(16).toString('hex'), crypto.randomBytes(48).toString('base64'), 'z'.repeat(64)]) {
      expect(() => parseDataKey(bad)).toThrow(/randomBytes\(32\)/);
    }
  });

  it('names keys by a hash that does not reveal them', () => {
    const id = keyIdOf(key);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(key.toString('base64url')).not.toContain(id);
    expect(keyIdOf(crypto.randomBytes(32))).not.toBe(id);
  });
});
