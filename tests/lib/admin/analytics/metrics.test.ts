import { sql } from 'drizzle-orm';
import { asUser, type Tx } from '@/lib/db';
import { activityMetrics } from '@/lib/admin/analytics/activity';
import { churnMetrics } from '@/lib/admin/analytics/churn';
import { completionMetrics } from '@/lib/admin/analytics/completions';
import { conversionMetrics } from '@/lib/admin/analytics/conversion';
import { questFunnel } from '@/lib/admin/analytics/funnel';
import { loadAnalyticsDashboard } from '@/lib/admin/analytics/load-dashboard';
import { revenueMetrics } from '@/lib/admin/analytics/revenue';
import { sessionMetrics } from '@/lib/admin/analytics/sessions';
import { signupMetrics } from '@/lib/admin/analytics/signups';
import type { ResolvedRange } from '@/lib/admin/analytics/schemas';
import type { TestUser } from '../../../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser } from '../../../support/fixtures';
import { NOW, RANGE, seedKnownDataSet, type KnownDataSet } from './known-data-set';

/** Every dashboard figure on the known data set (see known-data-set.ts for who did what when). */
describe('analytics metrics on a known data set', () => {
  let database: TestDatabase;
  let data: KnownDataSet;
  let analyst: TestUser;
  const range: ResolvedRange = { ...RANGE };
  const as = <T>(fn: (tx: Tx) => Promise<T>) => asUser(analyst.claims, fn);

  beforeAll(async () => {
    database = await createTestDatabase();
    data = await seedKnownDataSet();
    analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('counts distinct active users per UTC day, both range ends included, webhook events left out', async () => {
    const activity = await as((tx) => activityMetrics(tx, range));
    expect(activity.dau).toEqual([
      { day: '2025-03-01', users: 1 },
      { day: '2025-03-02', users: 1 },
      { day: '2025-03-03', users: 1 },
      { day: '2025-03-04', users: 1 },
      { day: '2025-03-05', users: 2 },
      { day: '2025-03-06', users: 1 },
      { day: '2025-03-07', users: 0 },
      { day: '2025-03-08', users: 0 },
      { day: '2025-03-09', users: 0 },
      { day: '2025-03-10', users: 1 },
    ]);
    expect(activity.averageDau).toBeCloseTo(0.8, 10);
    // A, B, C, D, E, G; F was active before the 30-day window; H…M only have webhook events.
    expect(activity.mau).toBe(6);
    // 11 user-days in the 30 days 02-09…03-10 (8 in the range + B 02-20, E 02-25, A 02-28) / 30 / 6.
    expect(activity.dauMauRatio).toBeCloseTo(11 / 30 / 6, 10);
    // A 7, B 5, D 5, C, E and G 1 each: activity events inside the range.
    expect(activity.events).toBe(20);
  });

  it('groups by UTC day whatever the time zone of the database session', async () => {
    const activity = await as(async (tx) => {
      await tx.execute(sql`set local time zone 'Pacific/Auckland'`);
      return activityMetrics(tx, range);
    });
    expect(activity.dau.map((d) => d.users)).toEqual([1, 1, 1, 1, 2, 1, 0, 0, 0, 1]);
    const sessions = await as(async (tx) => {
      await tx.execute(sql`set local time zone 'America/Los_Angeles'`);
      return sessionMetrics(tx, range);
    });
    expect(sessions.daily[0]).toEqual({ day: '2025-03-01', sessions: 2, measured: 2, averageSeconds: 1650 });
  });

  it('answers zeros, not errors, for a range without events', async () => {
    const empty = await as((tx) => activityMetrics(tx, { from: '2024-06-01', to: '2024-06-03', days: 3, questId: null }));
    expect(empty).toEqual({
      dau: [
        { day: '2024-06-01', users: 0 },
        { day: '2024-06-02', users: 0 },
        { day: '2024-06-03', users: 0 },
      ],
      averageDau: 0,
      mau: 0,
      dauMauRatio: null,
      events: 0,
    });
  });

  it('counts sign-ups per day and in total, including the first and last instant of the range', async () => {
    const signups = await as((tx) => signupMetrics(tx, range));
    expect(signups.total).toBe(3);
    expect(signups.daily.map((d) => d.signups)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    const lastDay = await as((tx) => signupMetrics(tx, { from: '2025-03-10', to: '2025-03-10', days: 1, questId: null }));
    expect(lastDay).toEqual({ daily: [{ day: '2025-03-10', signups: 1 }], total: 1 });
    const dayAfter = await as((tx) => signupMetrics(tx, { from: '2025-03-11', to: '2025-03-11', days: 1, questId: null }));
    expect(dayAfter.total).toBe(0);
  });

  it('computes the completion rate over the starts of the range, per quest, most started first', async () => {
    const completions = await as((tx) => completionMetrics(tx, range));
    // Starts: A, B, D, G on Q1 and D on Q2; completed: A and D on Q1 (E's start was before the range).
    expect(completions).toMatchObject({ starts: 5, completions: 2, rate: 0.4 });
    expect(completions.quests).toEqual([
      { questId: data.q1, title: 'Known quest one', starts: 4, completions: 2, rate: 0.5 },
      { questId: data.q2, title: 'Known quest two', starts: 1, completions: 0, rate: 0 },
    ]);
  });

  it('builds the per-step funnel of the learners who started the quest in the range', async () => {
    const funnel = await as((tx) => questFunnel(tx, range, data.q1));
    expect(funnel).toEqual({
      questId: data.q1,
      title: 'Known quest one',
      started: 4,
      completed: 2,
      steps: [
        { position: 0, kind: 'reading', title: 'Read this', reached: 4, answered: null },
        { position: 1, kind: 'quiz', title: 'Answer this', reached: 3, answered: 3 },
        { position: 2, kind: 'task', title: 'Do this', reached: 2, answered: 2 },
      ],
    });
    // B's and D's part of the story only: a range ending on 03-02 holds A's completion and B's answers.
    const early = await as((tx) => questFunnel(tx, { from: '2025-03-01', to: '2025-03-02', days: 2, questId: null }, data.q1));
    expect(early).toMatchObject({ started: 2, completed: 1 });
    expect(early?.steps.map((s) => [s.reached, s.answered])).toEqual([[2, null], [2, 2], [1, 1]]);
    expect(await as((tx) => questFunnel(tx, range, '00000000-0000-4000-8000-000000000000'))).toBeNull();
  });

  it('splits sessions after more than 30 minutes without events and averages the multi-event ones', async () => {
    const sessions = await as((tx) => sessionMetrics(tx, range));
    // A: 00:00–00:50 (the 30-minute gap continues it) = 3000 s, 01:30–01:35 = 300 s, 03-05 single;
    // B: 12:00–12:16 = 960 s, 03-05 single; D: 08:00–08:30 = 1800 s; C, E, G: single.
    // A's login one second before the range is not read: the session is cut at the range's edge.
    expect(sessions).toMatchObject({ sessions: 9, measured: 4, singleEvent: 5, averageSeconds: 1515 });
    expect(sessions.daily.slice(0, 6)).toEqual([
      { day: '2025-03-01', sessions: 2, measured: 2, averageSeconds: 1650 },
      { day: '2025-03-02', sessions: 1, measured: 1, averageSeconds: 960 },
      { day: '2025-03-03', sessions: 1, measured: 1, averageSeconds: 1800 },
      { day: '2025-03-04', sessions: 1, measured: 0, averageSeconds: null },
      { day: '2025-03-05', sessions: 2, measured: 0, averageSeconds: null },
      { day: '2025-03-06', sessions: 1, measured: 0, averageSeconds: null },
    ]);
    expect(sessions.daily[9]).toEqual({ day: '2025-03-10', sessions: 1, measured: 0, averageSeconds: null });
  });

  it('measures free → paid conversion of the sign-ups of the range (a trial is not paid)', async () => {
    // A went active on 03-09; B only trialled; C went active after the range; D did not sign up in it.
    expect(await as((tx) => conversionMetrics(tx, range))).toEqual({ signedUp: 3, converted: 1, rate: 1 / 3 });
  });

  it('measures churn of the customers paying at the start of the range', async () => {
    // H, I, J, K, M paid at 03-01 00:00; H and M (one second before the end) are no longer premium;
    // J is past due but in grace; K left and came back; L had left before; D joined during the range.
    expect(await as((tx) => churnMetrics(tx, range))).toEqual({ subscribersAtStart: 5, churned: 2, rate: 0.4 });
  });

  it('sums MRR in cents from subscriptions granting premium, yearly plans at a twelfth', async () => {
    const revenue = await as((tx) => revenueMetrics(tx, NOW));
    // Monthly: I, K, B (trialing) = 3 × 900; yearly: A, J (past due 1 day, in grace) = 2 × 7900 / 12.
    // L is past due beyond grace; H, M cancelled; C incomplete; D is on a price the app cannot price.
    expect(revenue).toEqual({
      mrrCents: 4017,
      subscriptions: 6,
      unpricedSubscriptions: 1,
      asOf: NOW.toISOString(),
      plans: [
        { planId: 'premium-monthly', name: 'Premium monthly', interval: 'month', priceCents: 900, subscriptions: 3, mrrCents: 2700 },
        { planId: 'premium-yearly', name: 'Premium yearly', interval: 'year', priceCents: 7900, subscriptions: 2, mrrCents: 1317 },
        { planId: 'price_1UnknownToTheApp', name: null, interval: null, priceCents: null, subscriptions: 1, mrrCents: null },
      ],
    });
  });

  it('loads the whole dashboard, defaulting the funnel to the most started quest', async () => {
    const dashboard = await loadAnalyticsDashboard(analyst.claims, range, NOW);
    expect(dashboard.metrics.funnel?.questId).toBe(data.q1);
    expect(dashboard.questNotFound).toBe(false);
    expect(dashboard.metrics.revenue.mrrCents).toBe(4017);
    expect(dashboard.quests.map((q) => q.title)).toEqual(expect.arrayContaining(['Known quest one', 'Known quest two']));
    const chosen = await loadAnalyticsDashboard(analyst.claims, { ...range, questId: data.q2 }, NOW);
    expect(chosen.metrics.funnel).toMatchObject({ questId: data.q2, started: 1, completed: 0 });
    const missing = await loadAnalyticsDashboard(analyst.claims, { ...range, questId: '00000000-0000-4000-8000-000000000000' }, NOW);
    expect(missing.questNotFound).toBe(true);
  });

  it('shows nothing to an admin without view:analytics: RLS guards the figures too', async () => {
    const editor = await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] });
    const dashboard = await loadAnalyticsDashboard(editor.claims, range, NOW);
    expect(dashboard.metrics.activity.mau).toBe(0);
    expect(dashboard.metrics.signups.total).toBe(0);
    expect(dashboard.metrics.completions.starts).toBe(0);
    expect(dashboard.metrics.revenue.mrrCents).toBe(0);
    expect(dashboard.metrics.churn.subscribersAtStart).toBe(0);
  });
});
