import { sql } from 'drizzle-orm';
import { asService, asUser, queryRows, type Tx } from '@/lib/db';
import { userProgress, xpLedger } from '@/lib/db/schema';
import type { AchievementCriteria } from '@/lib/achievements/criteria';
import { criterionProgress } from '@/lib/achievements/evaluate-criteria';
import { learnerStats } from '@/lib/achievements/learner-stats';
import { countQualifying, qualifyingLearners } from '@/lib/admin/achievements/qualifying-learners';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../support/fixtures';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/**
 * The bulk preview (one query per criterion over every learner) must pick exactly the learners
 * the per-learner engine would unlock: learnerStats() + criterionProgress(). A fixed set of
 * learners with varied histories, and criteria of every type set just below, at and above them.
 */
describe('qualifying learners (bulk) agree with the per-learner engine', () => {
  let database: TestDatabase;
  const learners: TestUser[] = [];
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const quest = {
      secBeginner: await createTestQuest(testQuest('q-sec-beginner', { category: 'Security', difficulty: 'beginner' })),
      secAdvanced: await createTestQuest(testQuest('q-sec-advanced', { category: 'Security', difficulty: 'advanced' })),
      pyBeginner: await createTestQuest(testQuest('q-py-beginner', { category: 'Python', difficulty: 'beginner' })),
      pyAdvanced: await createTestQuest(testQuest('q-py-advanced', { category: 'Python', difficulty: 'advanced' })),
      // A draft still counts for a learner who completed it before it was unpublished.
      draft: await createTestQuest(testQuest('q-draft', { category: 'Security', difficulty: 'intermediate' }), { publish: false }),
    };
    admin = await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] });

    type Done = [questId: string, score: number | null, minutes: number, status?: 'completed' | 'in_progress'];
    const histories: { done?: Done[]; bonusXp?: number; days?: number[] }[] = [
      {}, // nothing at all
      { done: [[quest.secBeginner, 80, 5]] },
      { done: [[quest.secAdvanced, 100, 10], [quest.pyBeginner, 100, 10], [quest.pyAdvanced, 70, 10], [quest.secBeginner, null, 40, 'in_progress']] },
      { done: [[quest.pyBeginner, null, 61, 'in_progress']] }, // time spent, nothing finished
      { done: [[quest.draft, 100, 30], [quest.secBeginner, 100, 29]], days: [40, 39, 38] },
      // 8 days with one single gap after 7 in a row: a freeze covers it, so the streak is 8.
      { days: [30, 29, 28, 27, 26, 25, 24, 22], bonusXp: 500 },
      { days: [20, 19, 17, 16, 15] }, // a gap with no freeze: two streaks, the longest 3
      { days: [3, 2, 1, 0], done: [[quest.pyAdvanced, 100, 2]], bonusXp: 298 },
    ];
    for (const history of histories) {
      const user = await createTestUser();
      learners.push(user);
      await asService('test-fixture', async (tx: Tx) => {
        for (const [questId, score, minutes, status = 'completed'] of history.done ?? []) {
          await tx.insert(userProgress).values({
            userId: user.id, questId, status, score, timeSpentSeconds: minutes * 60,
            progressPercentage: status === 'completed' ? 100 : 40, completedAt: status === 'completed' ? new Date() : null,
          });
          if (status === 'completed') await tx.insert(xpLedger).values({ userId: user.id, questId, reason: 'quest_completed', amount: 100 });
        }
        if (history.bonusXp) await tx.insert(xpLedger).values({ userId: user.id, reason: 'achievement_unlocked', amount: history.bonusXp });
        for (const n of history.days ?? []) await recordLearningDay(tx, user.id, daysAgo(n));
      });
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  const CASES: AchievementCriteria[] = [
    { type: 'first_quest' },
    ...[1, 2, 3, 4].map((count) => ({ type: 'quests_completed', count }) as const),
    ...[100, 200, 300, 398, 399, 500, 501].map((amount) => ({ type: 'xp_total', amount }) as const),
    { type: 'category_completed', category: 'Security', count: 1 },
    { type: 'category_completed', category: 'Security', count: 2 },
    { type: 'category_completed', category: 'Python', count: 2 },
    { type: 'category_completed', category: 'security', count: 1 },
    { type: 'category_completed', category: 'Nowhere', count: 1 },
    { type: 'difficulty_completed', difficulty: 'advanced', count: 1 },
    { type: 'difficulty_completed', difficulty: 'advanced', count: 2 },
    { type: 'difficulty_completed', difficulty: 'beginner', count: 1 },
    { type: 'difficulty_completed', difficulty: 'intermediate', count: 1 },
    ...[1, 2, 3].map((count) => ({ type: 'perfect_scores', count }) as const),
    ...[2, 3, 4, 7, 8, 9].map((days) => ({ type: 'streak_days', days }) as const),
    ...[1, 30, 32, 59, 60, 61, 62].map((minutes) => ({ type: 'time_spent', minutes }) as const),
  ];

  /** Who the engine would unlock, one learner at a time, as the engine's service job reads them. */
  async function engineQualifying(criteria: AchievementCriteria): Promise<string[]> {
    const ids: string[] = [];
    for (const learner of [...learners, admin]) {
      const stats = await asService('test-engine', (tx) => learnerStats(tx, learner.id));
      if (criterionProgress(criteria, stats).met) ids.push(learner.id);
    }
    return ids.sort();
  }

  it('covers every criterion type', () => {
    expect(new Set(CASES.map((c) => c.type)).size).toBe(8);
  });

  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))('picks the same learners for %s', async (_name, criteria) => {
    const expected = await engineQualifying(criteria);
    const bulk = await asService('test', (tx) => queryRows<{ user_id: string }>(tx, sql`${qualifyingLearners(criteria)}`));
    expect(bulk.map((r) => r.user_id).sort()).toEqual(expected);
    // The admin's preview runs as the admin under RLS and must see the same learners.
    expect(await asUser(admin.claims, (tx) => countQualifying(tx, criteria))).toEqual({ qualifying: expected.length, alreadyHeld: 0 });
  });

  it('has a seeded set that tells the thresholds apart', async () => {
    // Guards the cases above against a fixture that qualifies everyone or no one.
    expect((await engineQualifying({ type: 'streak_days', days: 8 })).length).toBe(1);
    expect((await engineQualifying({ type: 'streak_days', days: 9 })).length).toBe(0);
    expect((await engineQualifying({ type: 'xp_total', amount: 398 })).length).toBe(2);
    expect((await engineQualifying({ type: 'xp_total', amount: 399 })).length).toBe(1);
    expect((await engineQualifying({ type: 'time_spent', minutes: 59 })).length).toBe(3);
    expect((await engineQualifying({ type: 'time_spent', minutes: 61 })).length).toBe(2);
    expect((await engineQualifying({ type: 'category_completed', category: 'Security', count: 2 })).length).toBe(1);
  });
});
