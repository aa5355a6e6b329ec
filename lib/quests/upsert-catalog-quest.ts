import 'server-only';
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { questStepAnswers, questSteps, quests } from '@/lib/db/schema';
import { checklistChoices, quizAllowsMultiple, type ParsedQuestInput } from './schemas';

/**
 * Creates or updates a quest by slug with its steps and answer keys, keeping step ids stable
 * (upsert by position) so learners' progress survives a re-seed. Runs inside a service-role job.
 * Archived steps (negative positions) are left alone; an archived quest is not touched at all.
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
      // A quest an admin archived stays archived: re-seeding never brings it back.
      setWhere: isNull(quests.archivedAt),
    })
    .returning({ id: quests.id });
  if (!row) {
    const [archived] = await tx.select({ id: quests.id }).from(quests).where(eq(quests.slug, quest.slug));
    if (!archived) throw new Error(`Upserting quest ${quest.slug} returned no row`);
    return archived.id;
  }

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
  await retireStepsFrom(tx, row.id, quest.steps.length);
  // Learners mid-way stay on a step that exists and not past an unanswered quiz (0015).
  await tx.execute(sql`select private.reconcile_quest_progress(${row.id}::uuid)`);
  return row.id;
}

/**
 * Steps beyond the catalog's new length: archived when a learner answered them (their answers
 * must keep their step), deleted otherwise — the same rule as the admin editor.
 */
async function retireStepsFrom(tx: Tx, questId: string, length: number): Promise<void> {
  const extra = await tx
    .select({ id: questSteps.id, answered: sql<boolean>`exists (select 1 from public.step_answers sa where sa.step_id = ${questSteps.id})` })
    .from(questSteps)
    .where(and(eq(questSteps.questId, questId), gte(questSteps.position, length)));
  if (extra.length === 0) return;
  const [lowest] = await tx.select({ position: sql<number>`coalesce(min(${questSteps.position}), 0)` }).from(questSteps).where(eq(questSteps.questId, questId));
  let next = Math.min(0, Number(lowest?.position ?? 0)) - 1;
  for (const step of extra.filter((s) => s.answered)) {
    await tx.update(questSteps).set({ archivedAt: new Date(), position: next-- }).where(eq(questSteps.id, step.id));
  }
  const unanswered = extra.filter((s) => !s.answered).map((s) => s.id);
  if (unanswered.length) await tx.delete(questSteps).where(inArray(questSteps.id, unanswered));
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
