import { and, eq } from 'drizzle-orm';
import { POST as createAchievement } from '@/app/api/admin/achievements/route';
import { POST as preview } from '@/app/api/admin/achievements/preview/route';
import { POST as backfill } from '@/app/api/admin/achievements/[id]/backfill/route';
import { GET as learnerAchievements } from '@/app/api/achievements/route';
import { asService, type Tx } from '@/lib/db';
import { achievements, auditLog, userAchievements, userProgress, xpLedger } from '@/lib/db/schema';
import type { AchievementInput } from '@/lib/achievements/criteria';
import { evaluateAchievements } from '@/lib/achievements/engine';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

describe('admin achievements API: qualifying preview and backfill', () => {
  let database: TestDatabase;
  let editorToken: string;
  let editor: TestUser;
  let quests: string[];
  /** Learners by history: two, three, two (earned it already), one and no completed quests. */
  let learners: Record<'two' | 'three' | 'earned' | 'one' | 'none', TestUser>;
  let twoQuests: string;

  const create = async (body: AchievementInput) => {
    const { status, json } = await call(createAchievement, { path: '/api/admin/achievements', body, bearer: editorToken });
    expect(status).toBe(201);
    return json.achievement.id as string;
  };
  const achievementInput = (slug: string, criteria: AchievementInput['criteria'], xpReward: number): AchievementInput => ({
    slug, name: `Badge ${slug}`, description: 'Awarded by the backfill tests.', criteria, xpReward, rarity: 'uncommon',
  });

  /** The completion job's writes for one quest (progress + quest XP), then the engine, as it runs them. */
  const complete = (tx: Tx, userId: string, questId: string) =>
    Promise.all([
      tx.insert(userProgress).values({ userId, questId, status: 'completed', progressPercentage: 100, score: 90, timeSpentSeconds: 300, completedAt: new Date() }),
      tx.insert(xpLedger).values({ userId, questId, reason: 'quest_completed', amount: 100 }),
    ]);

  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createTestUser({ role: 'admin', adminPermissions: ['update:quests', 'create:quests'] });
    editorToken = await tokenFor(editor);
    quests = [];
    for (const slug of ['bf-1', 'bf-2', 'bf-3']) quests.push(await createTestQuest(testQuest(slug)));
    twoQuests = await create(achievementInput('two-quests', { type: 'quests_completed', count: 2 }, 60));

    learners = {
      two: await createTestUser(),
      three: await createTestUser(),
      earned: await createTestUser(),
      one: await createTestUser(),
      none: await createTestUser(),
    };
    const history = { two: 2, three: 3, one: 1, none: 0 } as const;
    // Written without running the engine: as if they finished before the achievement existed.
    await asService('test-fixture', async (tx) => {
      for (const [key, n] of Object.entries(history)) {
        for (const questId of quests.slice(0, n)) await complete(tx, learners[key as keyof typeof history].id, questId);
      }
    });
    // This one finished after it existed: the engine unlocked it for them, with its XP.
    await asService('complete-quest', async (tx) => {
      for (const questId of quests.slice(0, 2)) await complete(tx, learners.earned.id, questId);
      await evaluateAchievements(tx, learners.earned.id);
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  const runPreview = (body: unknown, bearer = editorToken) => call(preview, { path: '/api/admin/achievements/preview', body, bearer });
  /** `bearer: null` calls signed out. */
  const runBackfill = (id: string, bearer: string | null = editorToken) =>
    call(backfill, { path: `/api/admin/achievements/${id}/backfill`, method: 'POST', params: { id }, bearer: bearer ?? undefined });
  const holders = async (achievementId: string) =>
    (await asService('test', (tx) => tx.select({ userId: userAchievements.userId }).from(userAchievements).where(eq(userAchievements.achievementId, achievementId))))
      .map((r) => r.userId)
      .sort();
  const grants = (achievementId: string) =>
    asService('test', (tx) =>
      tx.select({ userId: xpLedger.userId, amount: xpLedger.amount }).from(xpLedger)
        .where(and(eq(xpLedger.achievementId, achievementId), eq(xpLedger.reason, 'achievement_unlocked'))),
    );
  const ids = (...keys: (keyof typeof learners)[]) => keys.map((k) => learners[k].id).sort();

  describe('permissions', () => {
    it('answers 401 signed out, 403 to a learner and to an admin without update:quests', async () => {
      const learner = await tokenFor(learners.none);
      const analyst = await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['view:analytics', 'create:quests', 'delete:quests'] }));
      const body = { criteria: { type: 'first_quest' } };
      expect((await call(preview, { path: '/api/admin/achievements/preview', body })).status).toBe(401);
      expect((await runBackfill(twoQuests, null)).status).toBe(401);
      for (const bearer of [learner, analyst]) {
        expect((await runPreview(body, bearer)).json.error.code).toBe('FORBIDDEN');
        const refused = await runBackfill(twoQuests, bearer);
        expect([refused.status, refused.json.error.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect(await holders(twoQuests)).toEqual(ids('earned'));
    });
  });

  describe('preview', () => {
    it.each([
      ['criteria.type', { criteria: { type: 'unknown_type' } }],
      ['criteria.count', { criteria: { type: 'quests_completed' } }],
      ['criteria.minutes', { criteria: { type: 'time_spent', minutes: -5 } }],
      ['criteria', {}],
      ['achievementId', { criteria: { type: 'first_quest' }, achievementId: 'nope' }],
    ])('answers 400 naming %s', async (field, body) => {
      const { status, json } = await runPreview(body);
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual([field]);
    });

    it('counts the learners who meet unsaved criteria, and those who already hold the achievement', async () => {
      expect((await runPreview({ criteria: { type: 'quests_completed', count: 2 } })).json).toEqual({ success: true, qualifying: 3, alreadyHeld: 0 });
      expect((await runPreview({ criteria: { type: 'quests_completed', count: 2 }, achievementId: twoQuests })).json).toEqual({
        success: true, qualifying: 3, alreadyHeld: 1,
      });
      expect((await runPreview({ criteria: { type: 'quests_completed', count: 3 } })).json.qualifying).toBe(1);
      expect((await runPreview({ criteria: { type: 'first_quest' } })).json.qualifying).toBe(4);
      expect((await runPreview({ criteria: { type: 'xp_total', amount: 300 } })).json.qualifying).toBe(1);
      expect((await runPreview({ criteria: { type: 'category_completed', category: 'Nowhere', count: 1 } })).json.qualifying).toBe(0);
    });
  });

  describe('backfill', () => {
    it('answers 400 naming id, 404 for a missing achievement, 409 for unreadable criteria', async () => {
      const bad = await runBackfill('not-a-uuid');
      expect([bad.status, Object.keys(bad.json.error.fields)]).toEqual([400, ['id']]);
      expect((await runBackfill('00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const [broken] = await asService('test-fixture', (tx) =>
        tx.insert(achievements).values({ slug: 'broken-criteria', name: 'Broken', criteria: { type: 'nonsense' } }).returning({ id: achievements.id }),
      );
      const refused = await runBackfill(broken!.id);
      expect([refused.status, refused.json.error.code]).toEqual([409, 'CONFLICT']);
      expect(await holders(broken!.id)).toEqual([]);
      // Gone again, so the engine below does not warn about it.
      await asService('test-fixture', (tx) => tx.delete(achievements).where(eq(achievements.id, broken!.id)));
    });

    it('awards exactly the qualifying learners who lack it, with its XP once, and logs the count', async () => {
      const { status, json } = await runBackfill(twoQuests);
      expect(status).toBe(200);
      expect(json).toEqual({ success: true, awarded: 2, alreadyHeld: 1, qualifying: 3 });
      expect(await holders(twoQuests)).toEqual(ids('two', 'three', 'earned'));
      // One grant of its XP per holder: the engine's for `earned`, the backfill's for the others.
      const rows = await grants(twoQuests);
      expect(rows.map((r) => r.userId).sort()).toEqual(ids('two', 'three', 'earned'));
      expect(rows.every((r) => r.amount === 60)).toBe(true);

      const log = await asService('test', (tx) => tx.select().from(auditLog).where(and(eq(auditLog.targetId, twoQuests), eq(auditLog.action, 'achievement.backfill'))));
      expect(log).toEqual([
        expect.objectContaining({
          actorId: editor.id,
          actorEmail: editor.email,
          targetType: 'achievement',
          targetLabel: 'Badge two-quests',
          before: { unlockCount: 1 },
          after: expect.objectContaining({ unlockCount: 3, awarded: 2, alreadyHeld: 1, qualifying: 3, xpGranted: 120 }),
        }),
      ]);
    });

    it('awards nothing on a second run', async () => {
      const before = await grants(twoQuests);
      expect((await runBackfill(twoQuests)).json).toEqual({ success: true, awarded: 0, alreadyHeld: 3, qualifying: 3 });
      expect(await grants(twoQuests)).toHaveLength(before.length);
      expect(await holders(twoQuests)).toEqual(ids('two', 'three', 'earned'));
    });

    it('shows the award on the learner’s achievements, with its XP in their total', async () => {
      const { json } = await call(learnerAchievements, { path: '/api/achievements', bearer: await tokenFor(learners.two) });
      expect(json.achievements.find((a: { id: string }) => a.id === twoQuests)).toMatchObject({
        unlocked: true,
        unlockedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        progress: { current: 2, target: 2 },
      });
      const xp = await asService('test', (tx) => tx.select({ amount: xpLedger.amount }).from(xpLedger).where(eq(xpLedger.userId, learners.two.id)));
      expect(xp.reduce((sum, r) => sum + r.amount, 0)).toBe(2 * 100 + 60);
    });

    it('awards each learner once when two backfills run at the same time', async () => {
      const firstQuest = await create(achievementInput('first-quest-race', { type: 'first_quest' }, 25));
      const results = await Promise.all([runBackfill(firstQuest), runBackfill(firstQuest), runBackfill(firstQuest)]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.reduce((sum, r) => sum + (r.json.awarded as number), 0)).toBe(4);
      for (const { json } of results) expect(json.awarded + json.alreadyHeld).toBe(json.qualifying);
      expect(await holders(firstQuest)).toEqual(ids('two', 'three', 'earned', 'one'));
      const rows = await grants(firstQuest);
      expect(rows.map((r) => r.userId).sort()).toEqual(ids('two', 'three', 'earned', 'one'));
    });

    it('leaves a learner’s own later unlock to the unique keys: no second row, no second grant', async () => {
      const streak = await create(achievementInput('after-backfill', { type: 'quests_completed', count: 3 }, 10));
      expect((await runBackfill(streak)).json.awarded).toBe(1);
      // The engine runs for the learner afterwards (their next completion) and finds it held.
      const unlocked = await asService('complete-quest', (tx) => evaluateAchievements(tx, learners.three.id));
      expect(unlocked.map((a) => a.id)).not.toContain(streak);
      expect((await grants(streak)).map((r) => r.userId)).toEqual([learners.three.id]);
    });
  });
});
