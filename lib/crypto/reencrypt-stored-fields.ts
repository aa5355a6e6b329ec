import 'server-only';
import { eq, isNotNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { asService } from '@/lib/db';
import { profiles, refreshTokens } from '@/lib/db/schema';
import { dataKeyRing } from './data-keys';
import { needsReencryption } from './field-encryption';

/** Every encrypted column (lib/db/schema encryptedText), with its table's key column. */
export const ENCRYPTED_COLUMNS: { table: PgTable; id: PgColumn; column: PgColumn; property: string; name: string }[] = [
  { table: profiles, id: profiles.id, column: profiles.suspendedReason, property: 'suspendedReason', name: 'profiles.suspended_reason' },
  { table: refreshTokens, id: refreshTokens.id, column: refreshTokens.ip, property: 'ip', name: 'refresh_tokens.ip' },
  { table: refreshTokens, id: refreshTokens.id, column: refreshTokens.userAgent, property: 'userAgent', name: 'refresh_tokens.user_agent' },
];

/**
 * Rewrites every stored value that is plaintext (written before migration 0021) or encrypted with
 * a key other than the current one, under the current key. Reads go through the column type, which
 * decrypts with any key in the ring, and writes encrypt again — so with the old key among the
 * ring's previous keys this is also the key rotation. Returns how many values each column had rewritten.
 */
export async function reencryptStoredFields(batchSize = 500): Promise<Record<string, number>> {
  const ring = dataKeyRing();
  const counts: Record<string, number> = {};
  for (const { table, id, column, property, name } of ENCRYPTED_COLUMNS) {
    counts[name] = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await asService('encrypt-sensitive-fields', (tx) =>
        tx
          .select({ id: sql<string>`${id}::text`, raw: sql<string>`${column}::text` })
          .from(table)
          .where(sql`${isNotNull(column)} and ${id} > ${after}::uuid`)
          .orderBy(id)
          .limit(batchSize),
      );
      if (rows.length === 0) break;
      const stale = rows.filter((r) => needsReencryption(r.raw, ring)).map((r) => r.id);
      if (stale.length) {
        await asService('encrypt-sensitive-fields', async (tx) => {
          for (const rowId of stale) {
            // Read through the column type (plaintext out), write back through it (encrypted in).
            const [row] = await tx.select({ value: column }).from(table).where(eq(id, rowId)).for('update');
            if (row?.value != null) await tx.update(table).set({ [property]: row.value }).where(eq(id, rowId));
          }
        });
        counts[name] += stale.length;
      }
      after = rows[rows.length - 1]!.id;
    }
  }
  return counts;
}
