import 'server-only';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { questStepAnswers, questSteps, quests } from '@/lib/db/schema';
import { checklistChoices, quizAllowsMultiple, type ParsedQuestInput } from './schemas';

/**
 * Creates or updates a quest by slug with its steps and answer keys, keeping step ids stable
 * (upsert by position) so learners' progress survives a re-seed. Runs inside a service-role job.
 */
export async function upsertCatalogQuest(
  tx: Tx,
  quest: ParsedQuestInput,
  options: { prerequisiteIds: string[]; publish: boolean },
): Promise<string> {
  const values = {
    slug: quest.slug,
    title: quest.title,
    description: quest.description,
    category: quest.category,
    difficulty: quest.difficulty,
    tier: quest.tier,
    durationMinutes: quest.durationMinutes,
    xpReward: quest.xpReward,
    prerequisites: options.prerequisiteIds,
    content: { objectives: quest.objectives },
    isPublished: options.publish,
  };
  const [row] = await tx
    .insert(quests)
    .values({ ...values, publishedAt: options.publish ? new Date() : null })
    .onConflictDoUpdate({
      target: quests.slug,
      set: { ...values, publishedAt: sql`coalesce(${quests.publishedAt}, excluded.published_at)` },
    })
    .returning({ id: quests.id });
  if (!row) throw new Error(`Upserting quest ${quest.slug} returned no row`);

  for (const [position, step] of quest.steps.entries()) {
    const choices =
      step.kind === 'quiz'
        ? step.choices
        : step.kind === 'task'
          ? checklistChoices(step.checklist)
          : null;
    const allowMultiple = step.kind === 'quiz' && quizAllowsMultiple(step);
    const [stepRow] = await tx
      .insert(questSteps)
      .values({ questId: row.id, position, kind: step.kind, title: step.title, body: step.body, choices, allowMultiple })
      .onConflictDoUpdate({
        target: [questSteps.questId, questSteps.position],
        set: { kind: step.kind, title: step.title, body: step.body, choices, allowMultiple },
      })
      .returning({ id: questSteps.id });
    if (!stepRow) throw new Error(`Upserting step ${position} of ${quest.slug} returned no row`);
    if (step.kind === 'quiz') {
      await tx
        .insert(questStepAnswers)
        .values({ stepId: stepRow.id, correctChoiceIds: step.answer.correct, explanation: step.answer.explanation })
        .onConflictDoUpdate({
          target: questStepAnswers.stepId,
          set: { correctChoiceIds: step.answer.correct, explanation: step.answer.explanation },
        });
    } else {
      await tx.delete(questStepAnswers).where(eq(questStepAnswers.stepId, stepRow.id));
    }
  }
  await tx
    .delete(questSteps)
    .where(and(eq(questSteps.questId, row.id), gte(questSteps.position, quest.steps.length)));
  return row.id;
}

/** Maps prerequisite slugs to ids, failing on a slug that does not exist. */
export async function resolveQuestIds(tx: Tx, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await tx.select({ id: quests.id, slug: quests.slug }).from(quests).where(inArray(quests.slug, slugs));
  const found = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !found.has(s));
  if (missing.length) throw new Error(`Unknown prerequisite quest(s): ${missing.join(', ')}`);
  return found;
}
