import { asService } from '@/lib/db';
import { analyticsEvents, subscriptions } from '@/lib/db/schema';
import type { AnalyticsEventName } from '@/lib/analytics/record-event';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';

/**
 * A small analytics data set with explicit timestamps, so every figure of the dashboard can be
 * asserted exactly. The range under test is 2025-03-01 … 2025-03-10 (UTC, both included); MAU's
 * window is 2025-02-09 … 2025-03-10. The expected figures are worked out in known-figures.ts.
 *
 * Q1 is testQuest's shape: step 0 reading, 1 quiz, 2 task. Learners:
 *  A signs up on the range's first instant, plays Q1 through (two sessions: 00:00–00:50 with a gap
 *    of exactly 30 minutes, then 01:30–01:35 after a 40-minute gap), logs in on 03-05; trial
 *    then active subscription (converted). Also logged in one second before the range.
 *  B signs up 03-02, starts Q1 and answers step 1 twice (no completion), logs in 03-05; trial only.
 *  C signs up on the range's last millisecond; logs in and turns active only after the range.
 *  D starts and completes Q1 on 03-03 and starts Q2; subscribes (active) 03-04, cancels 03-07.
 *  E started Q1 before the range and completes it on 03-04 (not in the completion cohort).
 *  F was active on 02-01 only (outside MAU). G starts Q1 on 03-06 and does nothing else.
 *  H, I, J, K, M were paying at the range's start; H and M (on the last second) churn, J goes past
 *    due (still premium), K cancels and comes back. L had already cancelled before the range.
 */
export interface KnownDataSet {
  users: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M', string>;
  q1: string;
  q2: string;
}

/** Where MRR is measured: J went past due a day before, L four days before (grace is 3 days). */
export const NOW = new Date('2025-03-10T12:00:00Z');

export const RANGE = { from: '2025-03-01', to: '2025-03-10', days: 10, questId: null } as const;

export async function seedKnownDataSet(): Promise<KnownDataSet> {
  const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'] as const;
  const users = {} as KnownDataSet['users'];
  for (const name of names) users[name] = (await createTestUser({ email: `known-${name.toLowerCase()}-${Date.now()}@example.test` })).id;
  const q1 = await createTestQuest(testQuest(`known-q1-${Date.now()}`, { title: 'Known quest one' }));
  const q2 = await createTestQuest(testQuest(`known-q2-${Date.now()}`, { title: 'Known quest two' }));

  type Row = [user: keyof KnownDataSet['users'], at: string, name: AnalyticsEventName, quest?: string | null, position?: number | null, properties?: Record<string, unknown>];
  const paid = (status: string, tier: 'free' | 'premium') => ({ status, tier, planId: 'premium-monthly', cancelAtPeriodEnd: false });
  const rows: Row[] = [
    ['F', '2025-02-01T10:00:00Z', 'login'],
    ['B', '2025-02-20T10:00:00Z', 'login'],
    ['E', '2025-02-25T10:00:00Z', 'quest_start', q1],
    ['A', '2025-02-28T23:59:59Z', 'login'],

    ['A', '2025-03-01T00:00:00Z', 'sign_up'],
    ['A', '2025-03-01T00:10:00Z', 'login'],
    ['A', '2025-03-01T00:20:00Z', 'quest_start', q1],
    ['A', '2025-03-01T00:50:00Z', 'step_answered', q1, 1, { kind: 'quiz', correct: true }],
    ['A', '2025-03-01T01:30:00Z', 'step_answered', q1, 2, { kind: 'task', correct: true }],
    ['A', '2025-03-01T01:35:00Z', 'quest_complete', q1, null, { score: 100, timeSpent: 600, xpEarned: 100 }],
    ['A', '2025-03-02T09:00:00Z', 'subscription_changed', null, null, paid('trialing', 'premium')],
    ['A', '2025-03-05T18:00:00Z', 'login'],
    ['A', '2025-03-09T09:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],

    ['B', '2025-03-02T12:00:00Z', 'sign_up'],
    ['B', '2025-03-02T12:05:00Z', 'quest_start', q1],
    ['B', '2025-03-02T12:15:00Z', 'step_answered', q1, 1, { kind: 'quiz', correct: false }],
    ['B', '2025-03-02T12:16:00Z', 'step_answered', q1, 1, { kind: 'quiz', correct: true }],
    ['B', '2025-03-03T09:00:00Z', 'subscription_changed', null, null, paid('trialing', 'premium')],
    ['B', '2025-03-05T09:00:00Z', 'login'],

    ['C', '2025-03-10T23:59:59.999Z', 'sign_up'],
    ['C', '2025-03-11T00:00:00Z', 'login'],
    ['C', '2025-03-11T00:05:00Z', 'subscription_changed', null, null, paid('active', 'premium')],

    ['D', '2025-03-03T08:00:00Z', 'quest_start', q1],
    ['D', '2025-03-03T08:10:00Z', 'step_answered', q1, 1, { kind: 'quiz', correct: true }],
    ['D', '2025-03-03T08:20:00Z', 'step_answered', q1, 2, { kind: 'task', correct: true }],
    ['D', '2025-03-03T08:25:00Z', 'quest_complete', q1],
    ['D', '2025-03-03T08:30:00Z', 'quest_start', q2],
    ['D', '2025-03-04T11:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['D', '2025-03-07T11:00:00Z', 'subscription_changed', null, null, paid('canceled', 'free')],

    ['E', '2025-03-04T10:00:00Z', 'quest_complete', q1],
    ['G', '2025-03-06T14:00:00Z', 'quest_start', q1],

    ['H', '2025-01-10T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['H', '2025-03-05T10:00:00Z', 'subscription_changed', null, null, paid('canceled', 'free')],
    ['I', '2025-01-15T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['J', '2025-02-01T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['J', '2025-03-02T10:00:00Z', 'subscription_changed', null, null, paid('past_due', 'premium')],
    ['K', '2025-02-10T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['K', '2025-03-03T10:00:00Z', 'subscription_changed', null, null, paid('canceled', 'free')],
    ['K', '2025-03-08T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['L', '2025-02-11T10:00:00Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['L', '2025-02-20T10:00:00Z', 'subscription_changed', null, null, paid('canceled', 'free')],
    ['M', '2025-02-28T23:59:59Z', 'subscription_changed', null, null, paid('active', 'premium')],
    ['M', '2025-03-10T23:59:59Z', 'subscription_changed', null, null, paid('canceled', 'free')],
  ];

  const day = 24 * 60 * 60 * 1000;
  const sub = (user: keyof KnownDataSet['users'], planId: string, status: string, pastDueSince: Date | null = null) => ({
    userId: users[user],
    stripeSubscriptionId: `sub_known_${user}_${Date.now()}`,
    planId,
    status,
    pastDueSince,
  });
  await asService('test-fixture', async (tx) => {
    await tx.insert(analyticsEvents).values(
      rows.map(([user, at, name, questId, stepPosition, properties]) => ({
        name,
        userId: users[user],
        questId: questId ?? null,
        stepPosition: stepPosition ?? null,
        properties: properties ?? {},
        occurredAt: new Date(at),
      })),
    );
    await tx.insert(subscriptions).values([
      sub('I', 'premium-monthly', 'active'),
      sub('J', 'premium-yearly', 'past_due', new Date(NOW.getTime() - day)),
      sub('K', 'premium-monthly', 'active'),
      sub('A', 'premium-yearly', 'active'),
      sub('B', 'premium-monthly', 'trialing'),
      sub('H', 'premium-monthly', 'canceled'),
      sub('M', 'premium-monthly', 'canceled'),
      sub('L', 'premium-monthly', 'past_due', new Date(NOW.getTime() - 4 * day)),
      sub('D', 'price_1UnknownToTheApp', 'active'),
      sub('C', 'premium-yearly', 'incomplete'),
    ]);
  });
  return { users, q1, q2 };
}
