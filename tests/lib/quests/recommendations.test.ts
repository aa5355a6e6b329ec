import { asService } from '@/lib/db';
import { userProgress } from '@/lib/db/schema';
import { nextSteps, recommendedQuests } from '@/lib/quests/recommendations';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';

describe('recommendedQuests', () => {
  let database: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const catalog = [
      testQuest('alpha-basics', { category: 'Alpha', difficulty: 'beginner' }),
      testQuest('alpha-mid', { category: 'Alpha', difficulty: 'intermediate' }),
      testQuest('alpha-mid-plus', { category: 'Alpha', difficulty: 'intermediate', tier: 'premium' }),
      testQuest('alpha-pro', { category: 'Alpha', difficulty: 'advanced' }),
      testQuest('beta-basics', { category: 'Beta', difficulty: 'beginner' }),
      testQuest('beta-basics-two', { category: 'Beta', difficulty: 'beginner' }),
      testQuest('beta-mid', { category: 'Beta', difficulty: 'intermediate' }),
      testQuest('gamma-basics', { category: 'Gamma', difficulty: 'beginner' }),
      testQuest('gamma-basics-plus', { category: 'Gamma', difficulty: 'beginner', tier: 'premium' }),
    ];
    for (const quest of catalog) ids[quest.slug] = await createTestQuest(quest);
    await createTestQuest(testQuest('alpha-draft', { category: 'Alpha', difficulty: 'intermediate' }), { publish: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  /** History as the grader would leave it, written by a server job (learners cannot write outcomes). */
  async function record(user: TestUser, slug: string, status: 'completed' | 'in_progress', minutesAgo: number) {
    const at = new Date(Date.now() - minutesAgo * 60_000);
    await asService('test-fixture', (tx) =>
      tx.insert(userProgress).values({
        userId: user.id,
        questId: ids[slug]!,
        status,
        currentStep: status === 'completed' ? 3 : 1,
        totalSteps: 3,
        progressPercentage: status === 'completed' ? 100 : 33,
        score: status === 'completed' ? 90 : null,
        startedAt: at,
        completedAt: status === 'completed' ? at : null,
        updatedAt: at,
      }),
    );
  }

  const slugs = (quests: { slug: string }[]) => quests.map((q) => q.slug);

  it('suggests beginner quests from different tracks to a new learner, the ones they can start first', async () => {
    const learner = await createTestUser();
    const quests = await recommendedQuests(learner.claims, 3);
    expect(slugs(quests)).toEqual(['alpha-basics', 'beta-basics', 'gamma-basics']);
    expect(quests.every((q) => q.access === 'available' && q.progress === null)).toBe(true);
  });

  it('follows a completed quest with the next difficulty in its track, then new tracks', async () => {
    const learner = await createTestUser();
    await record(learner, 'alpha-basics', 'completed', 10);
    expect(slugs(await recommendedQuests(learner.claims, 3))).toEqual(['alpha-mid', 'beta-basics', 'gamma-basics']);
  });

  it('ranks quests the learner cannot start yet after the ones they can', async () => {
    const learner = await createTestUser();
    await record(learner, 'alpha-basics', 'completed', 10);
    const quests = await recommendedQuests(learner.claims, 6);
    expect(slugs(quests)).toEqual(['alpha-mid', 'beta-basics', 'gamma-basics', 'beta-basics-two', 'alpha-mid-plus', 'gamma-basics-plus']);
    expect(quests.slice(-2).map((q) => q.access)).toEqual(['premium_locked', 'premium_locked']);
  });

  it('offers premium quests as available to a premium learner', async () => {
    const learner = await createTestUser({ tier: 'premium' });
    await record(learner, 'alpha-basics', 'completed', 10);
    const quests = await recommendedQuests(learner.claims, 2);
    expect(slugs(quests)).toEqual(['alpha-mid', 'alpha-mid-plus']);
    expect(quests.map((q) => q.access)).toEqual(['available', 'available']);
  });

  it('never suggests a quest the learner has started or finished, nor a draft', async () => {
    const learner = await createTestUser();
    await record(learner, 'alpha-basics', 'completed', 30);
    await record(learner, 'alpha-mid', 'in_progress', 5);
    await record(learner, 'beta-basics', 'completed', 20);
    const quests = await recommendedQuests(learner.claims, 10);
    const suggested = slugs(quests);
    for (const taken of ['alpha-basics', 'alpha-mid', 'beta-basics', 'alpha-draft']) expect(suggested).not.toContain(taken);
    // Alpha (most recent) stays at intermediate while one is in progress; Beta moves on to intermediate.
    expect(suggested.slice(0, 2)).toEqual(['beta-mid', 'gamma-basics']);
  });

  it('follows the most recent track first', async () => {
    const learner = await createTestUser();
    await record(learner, 'alpha-basics', 'completed', 60);
    await record(learner, 'beta-basics', 'completed', 5);
    expect(slugs(await recommendedQuests(learner.claims, 2))).toEqual(['beta-mid', 'alpha-mid']);
  });

  it('only sees its own learner’s history', async () => {
    const other = await createTestUser();
    await record(other, 'gamma-basics', 'completed', 1);
    const learner = await createTestUser();
    expect(slugs(await recommendedQuests(learner.claims, 3))).toContain('gamma-basics');
  });
});

describe('nextSteps', () => {
  it('moves one level up from the highest completed, stays while in progress, and caps at advanced', () => {
    expect(
      nextSteps([
        { category: 'A', difficulty: 'beginner', status: 'completed' },
        { category: 'B', difficulty: 'intermediate', status: 'in_progress' },
        { category: 'C', difficulty: 'advanced', status: 'completed' },
        { category: 'A', difficulty: 'intermediate', status: 'in_progress' },
      ]),
    ).toEqual([
      { category: 'A', difficulty: 'intermediate' },
      { category: 'B', difficulty: 'intermediate' },
      { category: 'C', difficulty: 'advanced' },
    ]);
  });
});
