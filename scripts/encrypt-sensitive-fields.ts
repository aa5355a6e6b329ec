/**
 * Encrypts stored sensitive fields under the current DATA_ENCRYPTION_KEY: plaintext rows from
 * before migration 0021, and — for a key rotation — values written with an older key, given as
 * --old-key <key> (repeatable; 64 hex or base64, like DATA_ENCRYPTION_KEY).
 *
 *   tsx --conditions=react-server scripts/encrypt-sensitive-fields.ts [--old-key <key>]...
 *
 * Safe to re-run: values already under the current key are left alone.
 */
import { dataKeyRing, useDataKeyRing } from '@/lib/crypto/data-keys';
import { parseDataKey } from '@/lib/crypto/field-encryption';
import { reencryptStoredFields } from '@/lib/crypto/reencrypt-stored-fields';

async function main() {
  const args = process.argv.slice(2);
  const oldKeys: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--old-key' && args[i + 1]) oldKeys.push(args[++i]!);
    else throw new Error(`Unknown argument ${args[i]} (usage: [--old-key <key>]...)`);
  }
  const current = dataKeyRing().current;
  useDataKeyRing({ current, previous: oldKeys.map((k) => parseDataKey(k, '--old-key')) });
  const started = Date.now();
  const counts = await reencryptStoredFields();
  for (const [column, count] of Object.entries(counts)) console.log(`${column}: ${count} value(s) encrypted under key ${current.id}`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
