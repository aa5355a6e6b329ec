import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { quests } from '@/lib/db/schema';
import { exportUserData, EXPORT_FORMAT, EXPORT_VERSION } from '@/lib/privacy/export-user-data';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';
import { seedActivity } from './seed-activity';
import { buildSession } from './session';

describe('exportUserData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("holds exactly the owner's rows: none of another learner's data leaks in", async () => {
    const owner = await createTestUser();
    const other = await createTestUser({ tier: 'premium' });
    const questId = await createTestQuest(testQuest(`export-own-${Date.now()}`));
    const mine = await seedActivity(owner.id, questId, 'owner');
    const theirs = await seedActivity(other.id, questId, 'other');

    const data = await exportUserData(buildSession(owner), new Date('2026-11-25T10:00:00Z'));

    expect(data).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2026-11-25T10:00:00.000Z' });
    expect(data.notes.length).toBeGreaterThan(0);
    expect(data.profile).toMatchObject({
      id: owner.id,
      email: owner.email,
      fullName: 'Test user',
      role: 'user',
      tier: 'free',
      timeZone: 'UTC',
      leaderboardOptIn: false,
      emailVerified: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(data.progress).toEqual([
      expect.objectContaining({
        quest: { id: questId, slug: expect.stringMatching(/^export-own-/), title: expect.stringMatching(/^Quest export-own-/) },
        status: 'completed',
        progressPercentage: 100,
        currentStep: 2,
        totalSteps: 3,
        score: 90,
        timeSpentSeconds: 321,
        completedAt: expect.any(String),
      }),
    ]);
    expect(data.stepAnswers).toEqual([
      { questId, step: { id: mine.step.id, title: mine.step.title }, answer: ['owner-choice'], correct: true, answeredAt: expect.any(String) },
    ]);
    expect(data.xpLedger.map((e) => [e.reason, e.amount])).toEqual(
      expect.arrayContaining([
        ['quest_completed', 100],
        ['achievement_unlocked', 25],
      ]),
    );
    expect(data.xpLedger).toHaveLength(2);
    expect(data.learningDays).toEqual(['2026-11-20']);
    expect(data.achievements).toEqual([{ id: expect.any(String), slug: mine.achievement.slug, name: 'owner badge', unlockedAt: expect.any(String) }]);
    expect(data.subscriptions).toEqual([
      expect.objectContaining({ plan: 'premium-monthly', status: 'active', currentPeriodEnd: '2026-12-20T00:00:00.000Z', cancelAtPeriodEnd: false }),
    ]);
    expect(data.billing).toEqual({ hasBillingCustomer: true });
    expect(data.analyticsEvents).toEqual([{ name: 'quest_complete', questId, stepPosition: null, occurredAt: expect.any(String) }]);

    const text = JSON.stringify(data);
    for (const leak of [other.id, other.email, theirs.achievement.slug, 'other-choice', theirs.stripeCustomerId]) {
      expect(text).not.toContain(leak);
    }
    // Stripe ids and raw event properties are not the learner's data.
    for (const secret of [mine.stripeCustomerId, mine.stripeSubscriptionId, 'owner-props']) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives a learner with no activity empty lists', async () => {
    const learner = await createTestUser();
    const data = await exportUserData(buildSession(learner));
    expect(data.profile?.email).toBe(learner.email);
    expect(data).toMatchObject({
      progress: [],
      stepAnswers: [],
      xpLedger: [],
      learningDays: [],
      achievements: [],
      subscriptions: [],
      billing: { hasBillingCustomer: false },
      analyticsEvents: [],
    });
  });

  it('keeps progress whose quest is no longer readable, with a null title', async () => {
    const learner = await createTestUser();
    const questId = await createTestQuest(testQuest(`export-hidden-${Date.now()}`));
    await seedActivity(learner.id, questId, 'hidden');
    // The quest the learner played is unpublished: RLS hides it (and its steps) from them now.
    await asService('test', (tx) => tx.update(quests).set({ isPublished: false }).where(eq(quests.id, questId)));

    const data = await exportUserData(buildSession(learner));
    expect(data.progress).toEqual([expect.objectContaining({ quest: { id: questId, slug: null, title: null }, status: 'completed' })]);
    expect(data.stepAnswers).toEqual([expect.objectContaining({ questId, step: { id: expect.any(String), title: null } })]);
  });
});
