import { sql } from 'drizzle-orm';
import { asService, asUser, queryRows } from '@/lib/db';
import { getQuestOverview, listPublishedQuests } from '@/lib/quests/queries';
import { catalogParamsSchema } from '@/lib/quests/catalog-params';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';

/** quests.step_count (migration 0022): the catalog's step count, kept by triggers on quest_steps. */
describe('the step count kept on each quest', () => {
  let database: TestDatabase;
  let questId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('counted-quest', { category: 'Counting' }));
  });
  afterAll(async () => {
    await database.drop();
  });

  const stored = async (id: string) =>
    (await asService('test', (tx) => queryRows<{ n: number }>(tx, sql`select step_count as n from public.quests where id = ${id}`)))[0]?.n;
  const live = async (id: string) =>
    (
      await asService('test', (tx) =>
        queryRows<{ n: number }>(tx, sql`select count(*)::int as n from public.quest_steps where quest_id = ${id} and archived_at is null`),
      )
    )[0]?.n;

  it('counts the steps a quest is created with', async () => {
    expect(await stored(questId)).toBeGreaterThan(0);
    expect(await stored(questId)).toBe(await live(questId));
  });

  it('follows steps added in one statement, archived and deleted', async () => {
    const before = (await stored(questId))!;
    await asService('test', (tx) =>
      tx.execute(sql`insert into public.quest_steps (quest_id, position, kind, title, body)
                     select ${questId}, 100 + g, 'reading', 'Extra ' || g, 'Text' from generate_series(1, 3) g`),
    );
    expect(await stored(questId)).toBe(before + 3);
    // Archiving (what an edit does to a step learners have answered) takes it out of the count.
    await asService('test', (tx) =>
      tx.execute(sql`update public.quest_steps set archived_at = now(), position = -position where quest_id = ${questId} and position = 101`),
    );
    expect(await stored(questId)).toBe(before + 2);
    await asService('test', (tx) => tx.execute(sql`delete from public.quest_steps where quest_id = ${questId} and position >= 100`));
    expect(await stored(questId)).toBe(before);
    expect(await stored(questId)).toBe(await live(questId));
  });

  it('moves with a step from one quest to another', async () => {
    const other = await createTestQuest(testQuest('other-counted-quest', { category: 'Counting' }));
    const [a, b] = [(await stored(questId))!, (await stored(other))!];
    await asService('test', (tx) =>
      tx.execute(sql`update public.quest_steps set quest_id = ${other}, position = 500
                     where id = (select id from public.quest_steps where quest_id = ${questId} and archived_at is null order by position desc limit 1)`),
    );
    expect([await stored(questId), await stored(other)]).toEqual([a - 1, b + 1]);
  });

  it('is what the catalog and the overview show, equal to the outline learners see', async () => {
    const learner = await createTestUser();
    const { quests } = await listPublishedQuests(learner.claims, catalogParamsSchema.parse({ category: 'Counting' }));
    const card = quests.find((q) => q.id === questId)!;
    const overview = (await getQuestOverview(learner.claims, 'counted-quest'))!;
    expect(card.stepCount).toBe(await live(questId));
    expect(overview.stepCount).toBe(overview.outline.length);
  });

  it('cannot be written by a learner', async () => {
    const learner = await createTestUser();
    const changed = await asUser(learner.claims, (tx) =>
      queryRows(tx, sql`update public.quests set step_count = 99 where id = ${questId} returning id`),
    ).catch(() => []);
    expect(changed).toEqual([]);
    expect(await stored(questId)).not.toBe(99);
  });
});
