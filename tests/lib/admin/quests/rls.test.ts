import { eq, sql } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { questSteps, quests } from '@/lib/db/schema';
import { createQuest, updateQuest } from '@/lib/admin/quests/save-quest';
import { getQuestForEditor } from '@/lib/admin/quests/queries';
import { questEditorSchema } from '@/lib/admin/quests/schemas';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../support/fixtures';
import { affects, tryAs } from '../../../support/as-actor';
import { editorQuest, sessionOf } from './editor-fixtures';

/** The database's own guard: what an admin without quest permissions can do with direct SQL. */
describe('quest authoring under RLS', () => {
  let database: TestDatabase;
  let questId: string;
  let stepId: string;
  let analyst: TestUser;
  let editor: TestUser;
  let learner: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('rls-quest'));
    stepId = (await asService('test', (tx) => tx.select({ id: questSteps.id }).from(questSteps).where(eq(questSteps.questId, questId)))).map((s) => s.id)[0]!;
    analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
    editor = await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] });
    learner = await createTestUser();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('an admin limited to analytics cannot create, edit or remove quests or steps with direct SQL', async () => {
    const insert = await tryAs(analyst.claims, (tx) =>
      tx.insert(quests).values({ slug: 'sneaky', title: 'Sneaky', difficulty: 'beginner', category: 'X', xpReward: 1 }).returning(),
    );
    expect(insert.ok).toBe(false);
    expect(await affects(analyst.claims, (tx) => tx.update(quests).set({ title: 'Changed' }).where(eq(quests.id, questId)).returning())).toBe(false);
    expect(await affects(analyst.claims, (tx) => tx.update(quests).set({ isPublished: false }).where(eq(quests.id, questId)).returning())).toBe(false);
    expect(await affects(analyst.claims, (tx) => tx.delete(quests).where(eq(quests.id, questId)).returning())).toBe(false);
    expect(await affects(analyst.claims, (tx) => tx.update(questSteps).set({ title: 'Changed' }).where(eq(questSteps.id, stepId!)).returning())).toBe(false);
    const stepInsert = await tryAs(analyst.claims, (tx) =>
      tx.insert(questSteps).values({ questId, position: 99, kind: 'reading', title: 'Injected', body: 'x' }).returning(),
    );
    expect(stepInsert.ok).toBe(false);
  });

  it('answer keys and progress reconciliation are for quest editors only', async () => {
    for (const claims of [analyst.claims, learner.claims]) {
      expect((await tryAs(claims, (tx) => tx.execute(sql`select * from private.editor_answer_keys(${questId}::uuid)`))).ok).toBe(false);
      expect((await tryAs(claims, (tx) => tx.execute(sql`select private.put_answer_key(${stepId}::uuid, '["a"]'::jsonb, 'Forged key')`))).ok).toBe(false);
      expect((await tryAs(claims, (tx) => tx.execute(sql`select private.reconcile_quest_progress(${questId}::uuid)`))).ok).toBe(false);
      expect((await tryAs(claims, (tx) => tx.execute(sql`select private.lock_quest_progress(${questId}::uuid)`))).ok).toBe(false);
    }
    expect((await tryAs(null, (tx) => tx.execute(sql`select private.reconcile_quest_progress(${questId}::uuid)`))).ok).toBe(false);
    expect((await tryAs(editor.claims, (tx) => tx.execute(sql`select private.reconcile_quest_progress(${questId}::uuid)`))).ok).toBe(true);
  });

  it('the lib functions run as the caller, so RLS refuses them too when the route check is bypassed', async () => {
    await expect(createQuest(sessionOf(analyst, ['view:analytics']), questEditorSchema.parse(editorQuest('via-lib')))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501' }),
    });
    const view = await getQuestForEditor(sessionOf(editor, ['update:quests']), questId);
    expect(view?.steps).toHaveLength(3);
    // Locking the row for the edit needs the update policy: without it the quest is not there.
    const edit = questEditorSchema.parse({ ...editorQuest('rls-quest'), title: 'Changed through lib', steps: view!.steps });
    await expect(updateQuest(sessionOf(analyst, ['view:analytics']), questId, edit)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await asService('test', (tx) => tx.select().from(quests).where(eq(quests.id, questId)));
    expect(row!.title).toBe('Quest rls-quest');
  });
});
