import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { profiles, userProgress } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';
import { tryAs } from '../../support/as-actor';

/** Column-level rules the database enforces whatever API the request came through. */
describe('profile and progress guards', () => {
  let database: TestDatabase;
  let learner: TestUser;
  let admin: TestUser;
  let superAdmin: TestUser;
  let questId: string;
  let progressId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [learner, admin, superAdmin] = await Promise.all([
      createTestUser(),
      createTestUser({ role: 'admin' }),
      createTestUser({ role: 'super_admin' }),
    ]);
    questId = await createTestQuest(testQuest('guard-quest'));
    progressId = await asService('test-fixture', async (tx) => {
      const [row] = await tx.insert(userProgress).values({ userId: learner.id, questId }).returning();
      return row!.id;
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  const setRole = (actor: TestUser, target: TestUser, role: string) =>
    tryAs(actor.claims, (tx) => tx.update(profiles).set({ role }).where(eq(profiles.id, target.id)).returning());

  it('lets a learner edit their own name', async () => {
    const result = await tryAs(learner.claims, (tx) =>
      tx.update(profiles).set({ fullName: 'Ada' }).where(eq(profiles.id, learner.id)).returning(),
    );
    expect(result.ok && result.value[0]?.fullName).toBe('Ada');
  });

  it.each([
    ['role', { role: 'admin' }],
    ['subscription tier', { subscriptionTier: 'premium' }],
    ['subscription status', { subscriptionStatus: 'past_due' }],
    ['email', { email: 'new@example.test' }],
    ['verification', { emailVerified: false }],
  ])('stops a learner from changing their own %s', async (_label, change) => {
    const result = await tryAs(learner.claims, (tx) =>
      tx.update(profiles).set(change).where(eq(profiles.id, learner.id)).returning(),
    );
    expect(result.ok).toBe(false);
  });

  it('lets an admin change a learner to premium but not grant admin', async () => {
    expect((await setRole(admin, learner, 'premium')).ok).toBe(true);
    expect((await setRole(admin, learner, 'admin')).ok).toBe(false);
    expect((await setRole(admin, superAdmin, 'user')).ok).toBe(false);
  });

  it('lets only a super_admin grant admin', async () => {
    expect((await setRole(superAdmin, learner, 'admin')).ok).toBe(true);
  });

  it('stops a learner from completing or scoring their own progress directly', async () => {
    for (const change of [{ status: 'completed' }, { score: 100 }, { completedAt: new Date() }]) {
      const result = await tryAs(learner.claims, (tx) =>
        tx.update(userProgress).set(change).where(eq(userProgress.id, progressId)).returning(),
      );
      expect(result.ok).toBe(false);
    }
  });

  it('lets progress move only through the server: no direct time, step or delete by the learner', async () => {
    for (const change of [{ timeSpentSeconds: 999_999 }, { currentStep: 2 }, { progressPercentage: 100 }]) {
      const result = await tryAs(learner.claims, (tx) =>
        tx.update(userProgress).set(change).where(eq(userProgress.id, progressId)).returning(),
      );
      expect(result.ok).toBe(false);
    }
    const removed = await tryAs(learner.claims, (tx) => tx.delete(userProgress).where(eq(userProgress.id, progressId)).returning());
    expect(removed.ok).toBe(false);
  });

  it('refuses a time zone PostgreSQL does not know, whoever writes it', async () => {
    await expect(
      tryAs(learner.claims, (tx) => tx.update(profiles).set({ timeZone: 'Mars/Olympus_Mons' }).where(eq(profiles.id, learner.id)).returning()),
    ).rejects.toThrow();
    const fine = await tryAs(learner.claims, (tx) =>
      tx.update(profiles).set({ timeZone: 'Europe/Berlin' }).where(eq(profiles.id, learner.id)).returning(),
    );
    expect(fine.ok).toBe(true);
  });

  it('only lets a learner start a quest at its beginning', async () => {
    const other = await createTestQuest(testQuest('guard-other'));
    const result = await tryAs(learner.claims, (tx) =>
      tx.insert(userProgress).values({ userId: learner.id, questId: other, status: 'completed', score: 100 }).returning(),
    );
    expect(result.ok).toBe(false);
  });

  it('stops a free learner from starting a premium quest', async () => {
    const premium = await createTestQuest(testQuest('guard-premium', { tier: 'premium' }));
    const result = await tryAs(learner.claims, (tx) =>
      tx.insert(userProgress).values({ userId: learner.id, questId: premium }).returning(),
    );
    expect(result.ok).toBe(false);
  });
});
