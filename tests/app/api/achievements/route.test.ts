import { GET as listAchievements } from '@/app/api/achievements/route';
import { asService, type Tx } from '@/lib/db';
import { userProgress, xpLedger } from '@/lib/db/schema';
import { upsertAchievement } from '@/lib/achievements/upsert-achievement';
import { evaluateAchievements } from '@/lib/achievements/engine';
import { listAchievementsForUser, recentAchievements } from '@/lib/achievements/queries';
import { achievements as seedAchievements } from '@/supabase/seed/achievements';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';

describe('GET /api/achievements', () => {
  let database: TestDatabase;
  let questIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await asService('test-fixture', async (tx) => {
      for (const a of seedAchievements) await upsertAchievement(tx, a);
    });
    questIds = [];
    for (const [slug, category] of [['ach-web-1', 'Web Development'], ['ach-web-2', 'Web Development'], ['ach-sql', 'Data & SQL']] as const) {
      questIds.push(await createTestQuest(testQuest(slug, { category, xpReward: 100 })));
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  const complete = (tx: Tx, user: TestUser, questId: string, score: number) =>
    Promise.all([
      tx.insert(userProgress).values({ userId: user.id, questId, status: 'completed', progressPercentage: 100, score, timeSpentSeconds: 600, completedAt: new Date() }),
      tx.insert(xpLedger).values({ userId: user.id, questId, reason: 'quest_completed', amount: 100 }),
    ]);

  /** A learner who finished the two Web Development quests, one of them perfectly. */
  async function webLearner() {
    const user = await createTestUser();
    await asService('complete-quest', async (tx) => {
      await complete(tx, user, questIds[0]!, 100);
      await complete(tx, user, questIds[1]!, 70);
      await evaluateAchievements(tx, user.id);
    });
    return user;
  }

  it('answers 401 without a session', async () => {
    const { status, json } = await call(listAchievements, { path: '/api/achievements' });
    expect(status).toBe(401);
    expect(json).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('lists every achievement with the caller’s unlocks and progress', async () => {
    const user = await webLearner();
    const { status, json } = await call(listAchievements, { path: '/api/achievements', bearer: await tokenFor(user) });
    expect(status).toBe(200);
    expect(json.success).toBe(true);
    const list = json.achievements as Array<Record<string, any>>;
    expect(list).toHaveLength(seedAchievements.length);
    expect(list.filter((a) => a.unlocked).map((a) => a.slug).sort()).toEqual(['first-steps', 'flawless', 'web-apprentice']);
    expect(list.find((a) => a.slug === 'web-apprentice')).toMatchObject({
      unlocked: true,
      unlockedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      criterion: 'Complete 2 Web Development quests',
      progress: { current: 2, target: 2 },
      xpReward: 75,
      rarity: 'uncommon',
    });
    expect(list.find((a) => a.slug === 'getting-warm')).toMatchObject({
      unlocked: false,
      unlockedAt: null,
      criterion: 'Complete 3 quests',
      progress: { current: 2, target: 3 },
    });
    expect(list.find((a) => a.slug === 'focused-hour')).toMatchObject({ progress: { current: 20, target: 60 } });
  });

  it('orders common to legendary, then by name', async () => {
    const list = await listAchievementsForUser((await createTestUser()).claims);
    const order = ['common', 'uncommon', 'rare', 'epic', 'legendary'];
    const keys = list.map((a) => [order.indexOf(a.rarity), a.name] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1], 'en'));
    expect(keys).toEqual(sorted);
    expect(list[0]!.rarity).toBe('common');
    expect(list.at(-1)!.rarity).toBe('legendary');
  });

  it('shows a user only their own unlocks', async () => {
    await webLearner();
    const stranger = await createTestUser();
    const { json } = await call(listAchievements, { path: '/api/achievements', bearer: await tokenFor(stranger) });
    const list = json.achievements as Array<Record<string, any>>;
    expect(list.filter((a) => a.unlocked)).toEqual([]);
    expect(list.every((a) => a.progress.current === 0)).toBe(true);
  });

  it('gives the dashboard the latest unlocks, newest first and limited', async () => {
    const user = await webLearner();
    const recent = await recentAchievements(user.claims, 2);
    expect(recent).toHaveLength(2);
    expect(recent[0]!.unlockedAt >= recent[1]!.unlockedAt).toBe(true);
    expect(await recentAchievements((await createTestUser()).claims)).toEqual([]);
  });
});
