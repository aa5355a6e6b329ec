import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { quests } from '@/lib/db/schema';
import { questInputSchema, type QuestInput } from '@/lib/quests/schemas';
import { resolveQuestIds, upsertCatalogQuest } from '@/lib/quests/upsert-catalog-quest';
import { upsertAchievement } from '@/lib/achievements/upsert-achievement';
import type { AchievementInput } from '@/lib/achievements/criteria';
import { demoQuests } from '@/supabase/seed/catalog';
import { achievements as demoAchievements } from '@/supabase/seed/achievements';

export interface SeedResult {
  quests: number;
  steps: number;
  achievements: number;
}

/**
 * Loads the demo catalog (published quests with steps and answer keys, and achievements).
 * Idempotent: quests and achievements are upserted by slug, steps by position. Runs in one
 * service-role transaction, so a bad entry leaves nothing half-written.
 */
export async function seedDemoCatalog(
  tx: Tx,
  catalog: { quests: QuestInput[]; achievements: AchievementInput[] } = {
    quests: demoQuests,
    achievements: demoAchievements,
  },
): Promise<SeedResult> {
  const parsed = catalog.quests.map((q) => {
    const result = questInputSchema.safeParse(q);
    if (!result.success) {
      throw new Error(`Seed quest ${q.slug} is invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return result.data;
  });

  const ids = new Map<string, string>();
  for (const quest of parsed) {
    // Prerequisites point at other quests, which may come later in the list: link them below.
    ids.set(quest.slug, await upsertCatalogQuest(tx, quest, { prerequisiteIds: [], publish: true }));
  }
  for (const quest of parsed) {
    if (quest.prerequisites.length === 0) continue;
    const prereqIds = await resolveQuestIds(tx, quest.prerequisites);
    await tx
      .update(quests)
      .set({ prerequisites: quest.prerequisites.map((slug) => prereqIds.get(slug) as string) })
      .where(eq(quests.id, ids.get(quest.slug) as string));
  }
  for (const achievement of catalog.achievements) {
    await upsertAchievement(tx, achievement);
  }
  return {
    quests: parsed.length,
    steps: parsed.reduce((n, q) => n + q.steps.length, 0),
    achievements: catalog.achievements.length,
  };
}
