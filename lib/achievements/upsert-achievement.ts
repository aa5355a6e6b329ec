import 'server-only';
import type { Tx } from '@/lib/db';
import { achievements } from '@/lib/db/schema';
import { achievementInputSchema, type AchievementInput } from './criteria';

/** Creates or updates an achievement by slug. Runs inside a service-role or admin transaction. */
export async function upsertAchievement(tx: Tx, input: AchievementInput): Promise<string> {
  const a = achievementInputSchema.parse(input);
  const values = {
    slug: a.slug,
    name: a.name,
    description: a.description,
    iconUrl: a.iconUrl,
    criteria: a.criteria,
    xpReward: a.xpReward,
    rarity: a.rarity,
  };
  const [row] = await tx
    .insert(achievements)
    .values(values)
    .onConflictDoUpdate({ target: achievements.slug, set: values })
    .returning({ id: achievements.id });
  if (!row) throw new Error(`Upserting achievement ${a.slug} returned no row`);
  return row.id;
}
