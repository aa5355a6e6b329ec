import 'server-only';
import { customType } from 'drizzle-orm/pg-core';
import { dataKeyRing } from './data-keys';
import { decryptValue, encryptValue, isEncryptedValue } from './field-encryption';

/**
 * A text column whose values are encrypted with AES-256-GCM on the way into the database and
 * decrypted on the way out, for every query written against lib/db/schema. `context` names the
 * column (bound into each value, see field-encryption). Such a column cannot be filtered, sorted
 * or compared in SQL — only used for data nobody queries by.
 *
 * Values written before the column was encrypted are plaintext; they read back as they are until
 * the next write or `scripts/encrypt-sensitive-fields.ts` encrypts them (a migration cannot: it
 * does not have the key).
 */
export const encryptedText = (context: string) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => encryptValue(value, dataKeyRing(), context),
    fromDriver: (value) => (isEncryptedValue(value) ? decryptValue(value, dataKeyRing(), context) : value),
  });
