import { and, eq } from 'drizzle-orm';
import { asService, type Tx } from '@/lib/db';
import { achievements, userAchievements, userProgress, xpLedger } from '@/lib/db/schema';
import { upsertAchievement } from '@/lib/achievements/upsert-achievement';
import type { AchievementInput } from '@/lib/achievements/criteria';
import { evaluateAchievements } from '@/lib/achievements/engine';
import { learnerStats } from '@/lib/achievements/learner-stats';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { appMetrics } from '@/lib/observability/app-metrics';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';
import { captureLogs } from '../observability/log-capture';

const achievement = (slug: string, criteria: AchievementInput['criteria'], xpReward: number): AchievementInput => ({
  slug,
  name: `Achievement ${slug}`,
  description: `Unlocked by the ${slug} criterion.`,
  criteria,
  xpReward,
  rarity: 'common',
});

const CATALOG: AchievementInput[] = [
  achievement('first-steps', { type: 'first_quest' }, 100),
  achievement('three-quests', { type: 'quests_completed', count: 3 }, 10),
  achievement('xp-500', { type: 'xp_total', amount: 500 }, 50),
  achievement('xp-550', { type: 'xp_total', amount: 550 }, 0),
  achievement('security-1', { type: 'category_completed', category: 'Security', count: 1 }, 10),
  achievement('advanced-1', { type: 'difficulty_completed', difficulty: 'advanced', count: 1 }, 10),
  achievement('flawless', { type: 'perfect_scores', count: 1 }, 10),
  achievement('half-hour', { type: 'time_spent', minutes: 30 }, 10),
  achievement('streak-3', { type: 'streak_days', days: 3 }, 10),
];

describe('achievements engine', () => {
  let database: TestDatabase;
  // The 'broken' row warns on every evaluation; keep the output readable and assert on it once.
  let logs: ReturnType<typeof captureLogs>;
  const quest: Record<'basic' | 'security' | 'advanced' | 'big', string> = { basic: '', security: '', advanced: '', big: '' };

  beforeAll(async () => {
    logs = captureLogs();
    database = await createTestDatabase();
    await asService('test-fixture', async (tx) => {
      for (const a of CATALOG) await upsertAchievement(tx, a);
      // Bypasses the input schema on purpose: a row the engine must survive.
      await tx.insert(achievements).values({ slug: 'broken', name: 'Broken', criteria: { type: 'nonsense', count: 1 }, xpReward: 999 });
    });
    quest.basic = await createTestQuest(testQuest('engine-basic', { xpReward: 20 }));
    quest.security = await createTestQuest(testQuest('engine-security', { category: 'Security', difficulty: 'intermediate', xpReward: 20 }));
    quest.advanced = await createTestQuest(testQuest('engine-advanced', { difficulty: 'advanced', xpReward: 20 }));
    quest.big = await createTestQuest(testQuest('engine-big', { xpReward: 400 }));
  });
  afterAll(async () => {
    logs.stop();
    await database.drop();
  });

  /** What the completion job will do: a completed progress row and its quest XP in the ledger. */
  const complete = (tx: Tx, userId: string, questId: string, xp: number, o: { score?: number; minutes?: number } = {}) =>
    Promise.all([
      tx.insert(userProgress).values({
        userId, questId, status: 'completed', progressPercentage: 100, score: o.score ?? 80,
        timeSpentSeconds: (o.minutes ?? 5) * 60, completedAt: new Date(),
      }),
      tx.insert(xpLedger).values({ userId, questId, reason: 'quest_completed', amount: xp }),
    ]);

  const evaluate = (userId: string) => asService('achievements', (tx) => evaluateAchievements(tx, userId));
  const slugs = (list: { slug: string }[]) => list.map((a) => a.slug).sort();
  const ledger = (userId: string) =>
    asService('test-fixture', (tx) =>
      tx.select({ reason: xpLedger.reason, amount: xpLedger.amount, achievementId: xpLedger.achievementId }).from(xpLedger).where(eq(xpLedger.userId, userId)),
    );

  it('unlocks nothing for a learner who has done nothing', async () => {
    const user = await createTestUser();
    expect(await evaluate(user.id)).toEqual([]);
  });

  it('unlocks exactly the achievements whose criteria are met, with their details', async () => {
    const user = await createTestUser();
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.security, 20));
    const unlocked = await evaluate(user.id);
    expect(slugs(unlocked)).toEqual(['first-steps', 'security-1']);
    expect(unlocked.find((a) => a.slug === 'first-steps')).toEqual({
      id: expect.any(String), slug: 'first-steps', name: 'Achievement first-steps',
      description: 'Unlocked by the first-steps criterion.', rarity: 'common', xpReward: 100, iconUrl: null,
      unlockedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('is idempotent: a second run unlocks nothing and appends no XP', async () => {
    const user = await createTestUser();
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.basic, 20));
    expect(slugs(await evaluate(user.id))).toEqual(['first-steps']);
    const before = await ledger(user.id);
    expect(await evaluate(user.id)).toEqual([]);
    expect(await ledger(user.id)).toEqual(before);
    expect(before.filter((r) => r.reason === 'achievement_unlocked')).toEqual([
      { reason: 'achievement_unlocked', amount: 100, achievementId: expect.any(String) },
    ]);
  });

  it('lets achievement XP cascade into xp_total achievements', async () => {
    const user = await createTestUser();
    // 400 quest XP + 100 + 10 + 10 (first, flawless, half-hour) = 520 → xp-500 (+50) = 570 → xp-550.
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.big, 400, { score: 100, minutes: 30 }));
    const unlocked = await evaluate(user.id);
    expect(slugs(unlocked)).toEqual(['first-steps', 'flawless', 'half-hour', 'xp-500', 'xp-550']);
    const rows = await ledger(user.id);
    expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(570);
    expect(rows.filter((r) => r.reason === 'achievement_unlocked')).toHaveLength(5);
  });

  it('judges category, difficulty, count and a past streak', async () => {
    const user = await createTestUser();
    await asService('test-fixture', async (tx) => {
      for (const id of [quest.basic, quest.security, quest.advanced]) await complete(tx, user.id, id, 20);
      // Three days in a row last month: long over, still earned.
      for (const daysAgo of [40, 39, 38]) await recordLearningDay(tx, user.id, new Date(Date.now() - daysAgo * 86_400_000));
    });
    expect(slugs(await evaluate(user.id))).toEqual(['advanced-1', 'first-steps', 'security-1', 'streak-3', 'three-quests']);
  });

  it('unlocks once when five evaluations race', async () => {
    const user = await createTestUser();
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.security, 20, { score: 100 }));
    const results = await Promise.all(Array.from({ length: 5 }, () => evaluate(user.id)));
    expect(slugs(results.flat())).toEqual(['first-steps', 'flawless', 'security-1']);
    const unlocks = await asService('test-fixture', (tx) =>
      tx.select({ id: userAchievements.achievementId }).from(userAchievements).where(eq(userAchievements.userId, user.id)),
    );
    expect(unlocks).toHaveLength(3);
    expect((await ledger(user.id)).filter((r) => r.reason === 'achievement_unlocked')).toHaveLength(3);
  });

  it('sees a completion committed by a concurrent job before it judges', async () => {
    const user = await createTestUser();
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.basic, 20));
    await evaluate(user.id);
    // Job A completes and evaluates, then holds its transaction open; job B completes another
    // quest meanwhile. B's evaluation must wait for A and count all three.
    let evaluatedA!: () => void;
    const aEvaluated = new Promise<void>((resolve) => (evaluatedA = resolve));
    const jobA = asService('complete-quest', async (tx) => {
      await complete(tx, user.id, quest.security, 20);
      const unlocked = await evaluateAchievements(tx, user.id);
      evaluatedA();
      await new Promise((resolve) => setTimeout(resolve, 150));
      return unlocked;
    });
    await aEvaluated;
    const jobB = asService('complete-quest', async (tx) => {
      await complete(tx, user.id, quest.advanced, 20);
      return evaluateAchievements(tx, user.id);
    });
    const results = await Promise.all([jobA, jobB]);
    expect(slugs(results.flat())).toContain('three-quests');
  });

  it('skips achievements whose stored criteria are invalid, with a warning', async () => {
    logs.clear();
    const user = await createTestUser();
    await asService('test-fixture', (tx) => complete(tx, user.id, quest.basic, 20));
    expect(slugs(await evaluate(user.id))).toEqual(['first-steps']);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'skipping achievement with invalid criteria', slug: 'broken' }),
    );
  });

  it('counts the XP of an unlock in workfree_xp_granted_total once the transaction commits, not before', async () => {
    const user = await createTestUser();
    const before = appMetrics().xpGranted.get();
    const during = await asService('achievements', async (tx) => {
      await complete(tx, user.id, quest.basic, 20);
      const unlocked = await evaluateAchievements(tx, user.id);
      expect(slugs(unlocked)).toEqual(['first-steps']);
      return appMetrics().xpGranted.get();
    });
    expect(during).toBe(before);
    // first-steps is worth 100; the quest's own 20 is the completion's to count, not the engine's.
    expect(appMetrics().xpGranted.get()).toBe(before + 100);
    // Evaluating again unlocks nothing new and counts nothing.
    expect(await evaluate(user.id)).toEqual([]);
    expect(appMetrics().xpGranted.get()).toBe(before + 100);
  });

  it('does not count the XP of an unlock whose transaction rolled back', async () => {
    const user = await createTestUser();
    const before = appMetrics().xpGranted.get();
    await expect(
      asService('achievements', async (tx) => {
        await complete(tx, user.id, quest.basic, 20);
        expect(slugs(await evaluateAchievements(tx, user.id))).toEqual(['first-steps']);
        throw new Error('the completion failed after the unlock');
      }),
    ).rejects.toThrow('the completion failed');
    expect(appMetrics().xpGranted.get()).toBe(before);
  });

  describe('learnerStats', () => {
    it('aggregates completions, XP, time and streaks', async () => {
      const user = await createTestUser();
      await asService('test-fixture', async (tx) => {
        await complete(tx, user.id, quest.security, 20, { score: 100, minutes: 10 });
        await complete(tx, user.id, quest.advanced, 20, { score: 90, minutes: 7 });
        // Started, not finished: its time counts, nothing else does.
        await tx.insert(userProgress).values({ userId: user.id, questId: quest.basic, timeSpentSeconds: 90 });
        for (const daysAgo of [1, 0]) await recordLearningDay(tx, user.id, new Date(Date.now() - daysAgo * 86_400_000));
      });
      expect(await asService('test-fixture', (tx) => learnerStats(tx, user.id))).toEqual({
        completedQuests: 2,
        totalXp: 40,
        byCategory: { Security: 1, Testing: 1 },
        byDifficulty: { beginner: 0, intermediate: 1, advanced: 1 },
        perfectScores: 1,
        timeSpentMinutes: 18,
        currentStreak: 2,
        longestStreak: 2,
      });
    });

    it('runs a fixed number of queries however long the history', async () => {
      const user = await createTestUser();
      const count = async () =>
        asService('test-fixture', async (tx) => {
          let queries = 0;
          const counting = new Proxy(tx, {
            get: (target, key) => (key === 'execute' ? (...args: Parameters<Tx['execute']>) => (queries++, target.execute(...args)) : Reflect.get(target, key)),
          });
          await learnerStats(counting, user.id);
          return queries;
        });
      const empty = await count();
      await asService('test-fixture', async (tx) => {
        for (const id of Object.values(quest)) await complete(tx, user.id, id, 20);
      });
      expect(await count()).toBe(empty);
      expect(empty).toBeLessThanOrEqual(3);
    });
  });

  it('never writes for another learner', async () => {
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    await asService('test-fixture', (tx) => complete(tx, a.id, quest.basic, 20));
    await evaluate(a.id);
    expect(await evaluate(b.id)).toEqual([]);
    const rows = await asService('test-fixture', (tx) =>
      tx.select().from(userAchievements).where(and(eq(userAchievements.userId, b.id))),
    );
    expect(rows).toEqual([]);
  });
});
