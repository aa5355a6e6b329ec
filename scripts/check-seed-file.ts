/**
 * Validates one seed quest file against the quest schema: `npx tsx scripts/check-seed-file.ts supabase/seed/quests/x.ts`.
 * Used while writing catalog content; the seed itself validates everything again.
 */
import path from 'node:path';
import { questInputSchema } from '../lib/quests/schemas';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/check-seed-file.ts <file>');
  const mod = (await import(path.resolve(file))) as { quests?: unknown[] };
  if (!Array.isArray(mod.quests)) throw new Error(`${file} must export const quests: QuestInput[]`);
  let failed = 0;
  for (const [i, q] of mod.quests.entries()) {
    const parsed = questInputSchema.safeParse(q);
    if (!parsed.success) {
      failed++;
      console.error(`quest #${i} (${(q as { slug?: string }).slug}):`, JSON.stringify(parsed.error.issues, null, 2));
    }
  }
  console.log(`${mod.quests.length} quests checked, ${failed} invalid`);
  process.exit(failed ? 1 : 0);
}
main();
