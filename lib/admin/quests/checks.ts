import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { ApiError, type FieldErrors } from '@/lib/api/errors';
import { queryRows, type Tx } from '@/lib/db';
import { quests } from '@/lib/db/schema';

/** 409 naming `slug` when another quest already uses it (the unique key would refuse anyway). */
export async function assertSlugFree(tx: Tx, slug: string, exceptId: string | null): Promise<void> {
  const [taken] = await tx
    .select({ id: quests.id })
    .from(quests)
    .where(exceptId ? and(eq(quests.slug, slug), ne(quests.id, exceptId)) : eq(quests.slug, slug))
    .limit(1);
  if (taken) throw slugTaken(slug);
}

export const slugTaken = (slug: string) =>
  new ApiError('CONFLICT', `Another quest already uses the slug "${slug}"`, { slug: ['This slug is taken'] });

/**
 * Prerequisites must be other existing quests, and must not lead back to this one: a cycle would
 * lock every quest in it for every learner.
 */
export async function assertPrerequisites(tx: Tx, questId: string | null, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const invalid = (message: string) =>
    new ApiError('VALIDATION_ERROR', message, { prerequisites: [message] });
  if (questId && ids.includes(questId)) throw invalid('A quest cannot be its own prerequisite');
  const found = await tx.select({ id: quests.id }).from(quests).where(inArray(quests.id, ids));
  if (found.length !== ids.length) throw invalid('A prerequisite names a quest that does not exist');
  if (!questId) return; // a new quest: nothing can require it yet
  // Everything the chosen prerequisites require, transitively; UNION stops on existing cycles.
  const [cycle] = await queryRows<{ found: boolean }>(
    tx,
    sql`with recursive required(id) as (
          select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)
          union
          select pre.value::uuid
          from required r
          join public.quests q on q.id = r.id
          cross join lateral jsonb_array_elements_text(q.prerequisites) as pre(value)
        )
        select exists (select 1 from required where id = ${questId}::uuid) as found`,
  );
  if (cycle?.found) throw invalid('These prerequisites would require this quest before itself (a cycle)');
}

/**
 * What keeps a quest from being live, by field: learners need steps to play, objectives on the
 * overview, and prerequisites they can actually take.
 */
export async function publishBlockers(
  tx: Tx,
  quest: { stepCount: number; objectives: string[]; prerequisites: string[]; quizzesWithoutKey?: number[] },
): Promise<FieldErrors> {
  const fields: FieldErrors = {};
  if (quest.stepCount === 0) fields.steps = ['Add at least one step before publishing'];
  if (quest.objectives.length === 0) fields.objectives = ['Add at least one objective before publishing'];
  for (const position of quest.quizzesWithoutKey ?? []) {
    fields[`steps.${position}.answer.correct`] = ['This quiz has no answer key'];
  }
  if (quest.prerequisites.length) {
    const unpublished = await tx
      .select({ title: quests.title })
      .from(quests)
      .where(and(inArray(quests.id, quest.prerequisites), eq(quests.isPublished, false)));
    if (unpublished.length) {
      fields.prerequisites = unpublished.map((q) => `"${q.title}" is not published: learners could never unlock this quest`);
    }
  }
  return fields;
}

export function assertNoBlockers(fields: FieldErrors, what: string): void {
  const names = Object.keys(fields);
  if (names.length) throw new ApiError('VALIDATION_ERROR', `${what}: check ${names.join(', ')}`, fields);
}

/** Quests that list `questId` as a prerequisite (only published ones when `publishedOnly`). */
export async function dependentQuests(tx: Tx, questId: string, publishedOnly: boolean): Promise<string[]> {
  const rows = await tx
    .select({ title: quests.title })
    .from(quests)
    .where(
      and(
        sql`${quests.prerequisites} @> jsonb_build_array(${questId}::text)`,
        publishedOnly ? eq(quests.isPublished, true) : undefined,
      ),
    )
    .orderBy(quests.title);
  return rows.map((r) => r.title);
}

/** The Postgres error code and constraint, wherever the driver or Drizzle put them. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, constraint_name } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const name = typeof constraint === 'string' ? constraint : typeof constraint_name === 'string' ? constraint_name : undefined;
      return { code, constraint: name };
    }
  }
  return {};
}
