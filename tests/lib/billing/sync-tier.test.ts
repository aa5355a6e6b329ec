import { eq } from 'drizzle-orm';
import { asService, asUser } from '@/lib/db';
import { profiles, questSteps, subscriptions } from '@/lib/db/schema';
import { loadSession } from '@/lib/auth/load-session-user';
import { grantsPremium, syncTier } from '@/lib/billing/sync-tier';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-25T12:00:00Z');

describe('premium follows the subscription', () => {
  it.each([
    ['active', null, true],
    ['trialing', null, true],
    ['canceled', null, false],
    ['unpaid', null, false],
    ['incomplete', null, false],
    ['incomplete_expired', null, false],
    ['past_due', new Date(now.getTime() - 2 * DAY), true],
    ['past_due', new Date(now.getTime() - 3 * DAY - 1000), false],
    ['past_due', null, true],
  ] as const)('%s (past due since %s) → premium %s', (status, pastDueSince, premium) => {
    expect(grantsPremium({ status, currentPeriodEnd: null, pastDueSince }, now)).toBe(premium);
  });

  describe('syncTier', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    const tierOf = async (userId: string) =>
      (await asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, userId))))[0];

    it('raises and lowers the profile tier with the subscription', async () => {
      const user = await createTestUser();
      await asService('test', async (tx) => {
        await tx.insert(subscriptions).values({ userId: user.id, stripeSubscriptionId: 'sub_sync', planId: 'premium-monthly', status: 'active' });
        expect(await syncTier(tx, user.id, now)).toBe('premium');
      });
      expect(await tierOf(user.id)).toMatchObject({ subscriptionTier: 'premium', subscriptionStatus: 'active' });
      await asService('test', async (tx) => {
        await tx.update(subscriptions).set({ status: 'canceled' }).where(eq(subscriptions.stripeSubscriptionId, 'sub_sync'));
        expect(await syncTier(tx, user.id, now)).toBe('free');
      });
      expect(await tierOf(user.id)).toMatchObject({ subscriptionTier: 'free', subscriptionStatus: 'canceled' });
    });

    it('opens premium step bodies in the database the moment the tier is premium, and closes them after', async () => {
      const user = await createTestUser();
      const questId = await createTestQuest(testQuest('billing-premium-quest', { tier: 'premium' }));
      const readable = () =>
        asUser(user.claims, (tx) => tx.select({ body: questSteps.body }).from(questSteps).where(eq(questSteps.questId, questId)));
      expect(await readable()).toEqual([]);
      await asService('test', async (tx) => {
        await tx.insert(subscriptions).values({ userId: user.id, stripeSubscriptionId: 'sub_gate', planId: 'premium-monthly', status: 'active' });
        await syncTier(tx, user.id);
      });
      expect(await readable()).toHaveLength(3);
      expect((await loadSession(user.claims))?.user.tier).toBe('premium');
      await asService('test', async (tx) => {
        await tx.update(subscriptions).set({ status: 'canceled' }).where(eq(subscriptions.stripeSubscriptionId, 'sub_gate'));
        await syncTier(tx, user.id);
      });
      expect(await readable()).toEqual([]);
    });
  });
});
