import { asService } from '@/lib/db';
import { userProgress, xpLedger } from '@/lib/db/schema';
import { upsertAchievement } from '@/lib/achievements/upsert-achievement';
import { POST as backfill } from '@/app/api/admin/achievements/[id]/backfill/route';
import { appMetrics } from '@/lib/observability/app-metrics';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';

describe('backfilling an achievement counts the XP it grants', () => {
  let database: TestDatabase;
  let adminToken: string;
  let achievementId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    adminToken = await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] }));
    const questId = await createTestQuest(testQuest('backfill-metric-quest'));
    const learners = [await createTestUser(), await createTestUser()];
    await asService('test-fixture', async (tx) => {
      achievementId = await upsertAchievement(tx, {
        slug: 'backfill-metric', name: 'Backfill metric', description: 'One quest done.',
        criteria: { type: 'first_quest' }, xpReward: 40, rarity: 'common',
      });
      for (const learner of learners) {
        await tx.insert(userProgress).values({
          userId: learner.id, questId, status: 'completed', progressPercentage: 100, score: 90, timeSpentSeconds: 60, completedAt: new Date(),
        });
        await tx.insert(xpLedger).values({ userId: learner.id, questId, reason: 'quest_completed', amount: 10 });
      }
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  const runBackfill = () =>
    call(backfill, { path: `/api/admin/achievements/${achievementId}/backfill`, method: 'POST', params: { id: achievementId }, bearer: adminToken });

  it('adds each credited learner’s XP once the backfill has committed, and nothing on a second run', async () => {
    const before = appMetrics().xpGranted.get();
    const first = await runBackfill();
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ awarded: 2, alreadyHeld: 0, qualifying: 2 });
    expect(appMetrics().xpGranted.get()).toBe(before + 2 * 40);
    const second = await runBackfill();
    expect(second.json).toMatchObject({ awarded: 0, alreadyHeld: 2, qualifying: 2 });
    expect(appMetrics().xpGranted.get()).toBe(before + 2 * 40);
  });
});
