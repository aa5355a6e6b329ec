import { count, eq, sql } from 'drizzle-orm';
import { asService, queryRows } from '@/lib/db';
import { achievements, questStepAnswers, questSteps, quests } from '@/lib/db/schema';
import { achievementCriteriaSchema } from '@/lib/achievements/criteria';
import { seedDemoCatalog } from '@/lib/seed/seed-demo-catalog';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { testQuest } from '../../support/fixtures';

describe('demo catalog seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('publishes at least 24 quests over at least 4 categories, all difficulties, 6+ premium', async () => {
    const rows = await asService('test', (tx) => tx.select().from(quests));
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(rows.every((q) => q.isPublished)).toBe(true);
    expect(new Set(rows.map((q) => q.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((q) => q.difficulty))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
    expect(rows.filter((q) => q.tier === 'premium').length).toBeGreaterThanOrEqual(6);
  });

  it('gives every quest 3–8 steps mixing reading, quiz and task, with an answer key per quiz', async () => {
    const perQuest = await asService('test', (tx) =>
      queryRows<{ slug: string; steps: number; kinds: string[]; quizzes: number; keys: number }>(
        tx,
        sql`select q.slug, count(s.id)::int as steps, array_agg(distinct s.kind::text) as kinds,
                   count(s.id) filter (where s.kind = 'quiz')::int as quizzes, count(a.step_id)::int as keys
            from ${quests} q join ${questSteps} s on s.quest_id = q.id
            left join ${questStepAnswers} a on a.step_id = s.id
            group by q.slug`,
      ),
    );
    for (const quest of perQuest) {
      expect(quest.steps).toBeGreaterThanOrEqual(3);
      expect(quest.steps).toBeLessThanOrEqual(8);
      expect([...quest.kinds].sort()).toEqual(['quiz', 'reading', 'task']);
      expect(quest.keys).toBe(quest.quizzes);
    }
  });

  it('links prerequisites to quests that exist', async () => {
    const rows = await asService('test', (tx) => tx.select({ id: quests.id, prerequisites: quests.prerequisites }).from(quests));
    const ids = new Set(rows.map((r) => r.id));
    const links = rows.flatMap((r) => r.prerequisites);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((id) => ids.has(id))).toBe(true);
  });

  it('loads at least 15 achievements whose criteria the engine understands', async () => {
    const rows = await asService('test', (tx) => tx.select().from(achievements));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(achievementCriteriaSchema.safeParse(row.criteria).success).toBe(true);
    expect(new Set(rows.map((r) => r.rarity)).size).toBeGreaterThanOrEqual(4);
  });

  it('is idempotent: a second run changes no counts and keeps step ids', async () => {
    const before = await asService('test', (tx) => tx.select({ id: questSteps.id }).from(questSteps).orderBy(questSteps.id));
    await asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx));
    const after = await asService('test', (tx) => tx.select({ id: questSteps.id }).from(questSteps).orderBy(questSteps.id));
    expect(after).toEqual(before);
    const [{ n } = { n: 0 }] = await asService('test', (tx) => tx.select({ n: count() }).from(achievements));
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it('rejects an invalid entry by name before writing anything', async () => {
    const broken = { ...testQuest('broken-quest'), steps: [] };
    await expect(
      asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx, { quests: [broken], achievements: [] })),
    ).rejects.toThrow(/broken-quest is invalid: steps/);
  });

  it('leaves nothing half-written when a later entry fails', async () => {
    const good = testQuest('written-then-rolled-back');
    const dangling = testQuest('dangling-prerequisite', { prerequisites: ['no-such-quest'] });
    await expect(
      asService('seed-demo-catalog', (tx) => seedDemoCatalog(tx, { quests: [good, dangling], achievements: [] })),
    ).rejects.toThrow(/Unknown prerequisite quest\(s\): no-such-quest/);
    expect(await asService('test', (tx) => tx.select().from(quests).where(eq(quests.slug, 'written-then-rolled-back')))).toEqual([]);
  });
});
