import { eq } from 'drizzle-orm';
import { asService, type Tx } from '@/lib/db';
import {
  achievements,
  profiles,
  publicTables,
  questStepAnswers,
  questSteps,
  quests,
  subscriptions,
  userAchievements,
  userProgress,
  refreshTokens,
  authTokens,
  mailOutbox,
  stepAnswers,
  xpLedger,
  learningDays,
  billingCustomers,
  stripeEvents,
  analyticsEvents,
  auditLog,
  progressClientEvents,
} from '@/lib/db/schema';
import { startFamily } from '@/lib/auth/built-in/refresh-tokens';
import { issueOneTimeToken } from '@/lib/auth/built-in/one-time-tokens';
import { sendMail } from '@/lib/mail';
import { verificationEmail } from '@/lib/mail/templates';
import { upsertAchievement } from '@/lib/achievements/upsert-achievement';
import { createAuthUser } from '@/lib/users/create-auth-user';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';
import { affects } from '../../support/as-actor';

/**
 * The RLS matrix: every table in `public` × (anon, another user, the owner, an admin) ×
 * (select, insert, update, delete), each case run as that database role with those JWT claims
 * and rolled back. "Allowed" means the statement ran and touched the target row.
 */

type Actor = 'anon' | 'other' | 'owner' | 'admin';
type Op = 'select' | 'insert' | 'update' | 'delete';
type TableName = keyof typeof publicTables;

interface World {
  users: Record<Exclude<Actor, 'anon'> | 'premium', TestUser>;
  spareUserId: string;
  freeQuest: string;
  premiumQuest: string;
  draftQuest: string;
  spareQuest: string;
  freeStep: string;
  freeQuizStep: string;
  freeReadingStep: string;
  premiumStep: string;
  progress: string;
  achievement: string;
  spareAchievement: string;
  unlock: string;
  subscription: string;
  refreshFamily: string;
  mail: string;
  answer: string;
  xp: string;
  audit: string;
  clientEvent: string;
}

type Run = (tx: Tx, w: World) => Promise<unknown[]>;
type Expect = [anon: boolean, other: boolean, owner: boolean, admin: boolean];
const ACTORS: Actor[] = ['anon', 'other', 'owner', 'admin'];

const idOf = { id: profiles.id };
const clientEventOf = { id: progressClientEvents.clientEventId };

const matrix: Record<TableName, Record<Op, [Run, Expect]>> = {
  profiles: {
    select: [(tx, w) => tx.select(idOf).from(profiles).where(eq(profiles.id, w.users.owner.id)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(profiles).values({ id: w.spareUserId, email: 'spare@example.test' }).returning(idOf), [false, false, false, false]],
    update: [(tx, w) => tx.update(profiles).set({ fullName: 'Renamed' }).where(eq(profiles.id, w.users.owner.id)).returning(idOf), [false, false, true, true]],
    delete: [(tx, w) => tx.delete(profiles).where(eq(profiles.id, w.users.owner.id)).returning(idOf), [false, false, false, false]],
  },
  quests: {
    select: [(tx, w) => tx.select({ id: quests.id }).from(quests).where(eq(quests.id, w.freeQuest)), [true, true, true, true]],
    insert: [(tx) => tx.insert(quests).values({ slug: 'matrix-new', title: 'New', difficulty: 'beginner', category: 'Testing', xpReward: 10 }).returning({ id: quests.id }), [false, false, false, true]],
    update: [(tx, w) => tx.update(quests).set({ title: 'Changed' }).where(eq(quests.id, w.freeQuest)).returning({ id: quests.id }), [false, false, false, true]],
    delete: [(tx, w) => tx.delete(quests).where(eq(quests.id, w.draftQuest)).returning({ id: quests.id }), [false, false, false, true]],
  },
  quest_steps: {
    select: [(tx, w) => tx.select({ id: questSteps.id }).from(questSteps).where(eq(questSteps.id, w.freeStep)), [true, true, true, true]],
    insert: [(tx, w) => tx.insert(questSteps).values({ questId: w.freeQuest, position: 99, kind: 'reading', title: 'Extra', body: 'Extra body' }).returning({ id: questSteps.id }), [false, false, false, true]],
    update: [(tx, w) => tx.update(questSteps).set({ title: 'Changed' }).where(eq(questSteps.id, w.freeStep)).returning({ id: questSteps.id }), [false, false, false, true]],
    delete: [(tx, w) => tx.delete(questSteps).where(eq(questSteps.id, w.freeStep)).returning({ id: questSteps.id }), [false, false, false, true]],
  },
  quest_step_answers: {
    select: [(tx, w) => tx.select({ id: questStepAnswers.stepId }).from(questStepAnswers).where(eq(questStepAnswers.stepId, w.freeQuizStep)), [false, false, false, false]],
    insert: [(tx, w) => tx.insert(questStepAnswers).values({ stepId: w.freeReadingStep, correctChoiceIds: ['a'], explanation: 'Leaked' }).returning({ id: questStepAnswers.stepId }), [false, false, false, false]],
    update: [(tx, w) => tx.update(questStepAnswers).set({ explanation: 'Changed' }).where(eq(questStepAnswers.stepId, w.freeQuizStep)).returning({ id: questStepAnswers.stepId }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(questStepAnswers).where(eq(questStepAnswers.stepId, w.freeQuizStep)).returning({ id: questStepAnswers.stepId }), [false, false, false, false]],
  },
  user_progress: {
    select: [(tx, w) => tx.select({ id: userProgress.id }).from(userProgress).where(eq(userProgress.id, w.progress)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(userProgress).values({ userId: w.users.owner.id, questId: w.spareQuest }).returning({ id: userProgress.id }), [false, false, true, false]],
    update: [(tx, w) => tx.update(userProgress).set({ currentStep: 1 }).where(eq(userProgress.id, w.progress)).returning({ id: userProgress.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(userProgress).where(eq(userProgress.id, w.progress)).returning({ id: userProgress.id }), [false, false, false, false]],
  },
  achievements: {
    select: [(tx, w) => tx.select({ id: achievements.id }).from(achievements).where(eq(achievements.id, w.achievement)), [true, true, true, true]],
    insert: [(tx) => tx.insert(achievements).values({ slug: 'matrix-new', name: 'New', criteria: { type: 'first_quest' } }).returning({ id: achievements.id }), [false, false, false, true]],
    update: [(tx, w) => tx.update(achievements).set({ name: 'Changed' }).where(eq(achievements.id, w.achievement)).returning({ id: achievements.id }), [false, false, false, true]],
    delete: [(tx, w) => tx.delete(achievements).where(eq(achievements.id, w.achievement)).returning({ id: achievements.id }), [false, false, false, true]],
  },
  user_achievements: {
    select: [(tx, w) => tx.select({ id: userAchievements.id }).from(userAchievements).where(eq(userAchievements.id, w.unlock)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(userAchievements).values({ userId: w.users.owner.id, achievementId: w.spareAchievement }).returning({ id: userAchievements.id }), [false, false, false, true]],
    update: [(tx, w) => tx.update(userAchievements).set({ unlockedAt: new Date(0) }).where(eq(userAchievements.id, w.unlock)).returning({ id: userAchievements.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(userAchievements).where(eq(userAchievements.id, w.unlock)).returning({ id: userAchievements.id }), [false, false, false, true]],
  },
  subscriptions: {
    select: [(tx, w) => tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.id, w.subscription)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(subscriptions).values({ userId: w.users.owner.id, planId: 'premium-monthly', status: 'active' }).returning({ id: subscriptions.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(subscriptions).set({ status: 'canceled' }).where(eq(subscriptions.id, w.subscription)).returning({ id: subscriptions.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(subscriptions).where(eq(subscriptions.id, w.subscription)).returning({ id: subscriptions.id }), [false, false, false, false]],
  },
  refresh_tokens: {
    select: [(tx, w) => tx.select({ id: refreshTokens.id }).from(refreshTokens).where(eq(refreshTokens.familyId, w.refreshFamily)), [false, false, false, false]],
    insert: [(tx, w) => tx.insert(refreshTokens).values({ userId: w.users.owner.id, familyId: w.refreshFamily, tokenHash: 'f'.repeat(64), expiresAt: new Date(Date.now() + 60_000) }).returning({ id: refreshTokens.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(refreshTokens).set({ revokedAt: null }).where(eq(refreshTokens.familyId, w.refreshFamily)).returning({ id: refreshTokens.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(refreshTokens).where(eq(refreshTokens.familyId, w.refreshFamily)).returning({ id: refreshTokens.id }), [false, false, false, false]],
  },
  auth_tokens: {
    select: [(tx, w) => tx.select({ id: authTokens.id }).from(authTokens).where(eq(authTokens.userId, w.users.owner.id)), [false, false, false, false]],
    insert: [(tx, w) => tx.insert(authTokens).values({ userId: w.users.owner.id, purpose: 'reset_password', tokenHash: 'e'.repeat(64), expiresAt: new Date(Date.now() + 60_000) }).returning({ id: authTokens.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(authTokens).set({ usedAt: null }).where(eq(authTokens.userId, w.users.owner.id)).returning({ id: authTokens.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(authTokens).where(eq(authTokens.userId, w.users.owner.id)).returning({ id: authTokens.id }), [false, false, false, false]],
  },
  mail_outbox: {
    select: [(tx, w) => tx.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, w.mail)), [false, false, false, false]],
    insert: [(tx, w) => tx.insert(mailOutbox).values({ toEmail: w.users.owner.email, subject: 'Forged', textBody: 'Forged', template: 'verification', provider: 'outbox' }).returning({ id: mailOutbox.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(mailOutbox).set({ subject: 'Changed' }).where(eq(mailOutbox.id, w.mail)).returning({ id: mailOutbox.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(mailOutbox).where(eq(mailOutbox.id, w.mail)).returning({ id: mailOutbox.id }), [false, false, false, false]],
  },
  step_answers: {
    select: [(tx, w) => tx.select({ id: stepAnswers.id }).from(stepAnswers).where(eq(stepAnswers.id, w.answer)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(stepAnswers).values({ progressId: w.progress, userId: w.users.owner.id, stepId: w.freeReadingStep, answer: ['b'], correct: true }).returning({ id: stepAnswers.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(stepAnswers).set({ correct: true }).where(eq(stepAnswers.id, w.answer)).returning({ id: stepAnswers.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(stepAnswers).where(eq(stepAnswers.id, w.answer)).returning({ id: stepAnswers.id }), [false, false, false, false]],
  },
  xp_ledger: {
    select: [(tx, w) => tx.select({ id: xpLedger.id }).from(xpLedger).where(eq(xpLedger.id, w.xp)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(xpLedger).values({ userId: w.users.owner.id, questId: w.spareQuest, reason: 'quest_completed', amount: 10_000 }).returning({ id: xpLedger.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(xpLedger).set({ amount: 10_000 }).where(eq(xpLedger.id, w.xp)).returning({ id: xpLedger.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(xpLedger).where(eq(xpLedger.id, w.xp)).returning({ id: xpLedger.id }), [false, false, false, false]],
  },
  learning_days: {
    select: [(tx, w) => tx.select({ day: learningDays.day }).from(learningDays).where(eq(learningDays.userId, w.users.owner.id)), [false, false, true, true]],
    insert: [(tx, w) => tx.insert(learningDays).values({ userId: w.users.owner.id, day: '2020-01-01' }).returning({ day: learningDays.day }), [false, false, false, false]],
    update: [(tx, w) => tx.update(learningDays).set({ day: '2020-01-02' }).where(eq(learningDays.userId, w.users.owner.id)).returning({ day: learningDays.day }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(learningDays).where(eq(learningDays.userId, w.users.owner.id)).returning({ day: learningDays.day }), [false, false, false, false]],
  },
  billing_customers: {
    select: [(tx, w) => tx.select({ id: billingCustomers.userId }).from(billingCustomers).where(eq(billingCustomers.userId, w.users.owner.id)), [false, false, true, false]],
    insert: [(tx, w) => tx.insert(billingCustomers).values({ userId: w.users.other.id, stripeCustomerId: 'cus_forged' }).returning({ id: billingCustomers.userId }), [false, false, false, false]],
    update: [(tx, w) => tx.update(billingCustomers).set({ stripeCustomerId: 'cus_stolen' }).where(eq(billingCustomers.userId, w.users.owner.id)).returning({ id: billingCustomers.userId }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(billingCustomers).where(eq(billingCustomers.userId, w.users.owner.id)).returning({ id: billingCustomers.userId }), [false, false, false, false]],
  },
  stripe_events: {
    select: [(tx) => tx.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, 'evt_matrix')), [false, false, false, false]],
    insert: [(tx) => tx.insert(stripeEvents).values({ id: 'evt_forged', type: 'invoice.paid', stripeCreatedAt: new Date() }).returning({ id: stripeEvents.id }), [false, false, false, false]],
    update: [(tx) => tx.update(stripeEvents).set({ type: 'changed' }).where(eq(stripeEvents.id, 'evt_matrix')).returning({ id: stripeEvents.id }), [false, false, false, false]],
    delete: [(tx) => tx.delete(stripeEvents).where(eq(stripeEvents.id, 'evt_matrix')).returning({ id: stripeEvents.id }), [false, false, false, false]],
  },
  analytics_events: {
    select: [(tx, w) => tx.select({ id: analyticsEvents.id }).from(analyticsEvents).where(eq(analyticsEvents.userId, w.users.owner.id)), [false, false, false, true]],
    insert: [(tx, w) => tx.insert(analyticsEvents).values({ name: 'quest_complete', userId: w.users.owner.id }).returning({ id: analyticsEvents.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(analyticsEvents).set({ name: 'login' }).where(eq(analyticsEvents.userId, w.users.owner.id)).returning({ id: analyticsEvents.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(analyticsEvents).where(eq(analyticsEvents.userId, w.users.owner.id)).returning({ id: analyticsEvents.id }), [false, false, false, false]],
  },
  // The owner here is the admin who acted; "admin" is another admin (not a super admin, who alone reads it).
  audit_log: {
    select: [(tx, w) => tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, w.audit)), [false, false, false, false]],
    insert: [(tx, w) => tx.insert(auditLog).values({ actorId: w.users.owner.id, actorEmail: w.users.owner.email, action: 'user.forged', targetType: 'user' }).returning({ id: auditLog.id }), [false, false, false, false]],
    update: [(tx, w) => tx.update(auditLog).set({ action: 'user.changed' }).where(eq(auditLog.id, w.audit)).returning({ id: auditLog.id }), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(auditLog).where(eq(auditLog.id, w.audit)).returning({ id: auditLog.id }), [false, false, false, false]],
  },
  progress_client_events: {
    select: [(tx, w) => tx.select(clientEventOf).from(progressClientEvents).where(eq(progressClientEvents.clientEventId, w.clientEvent)), [false, false, true, false]],
    insert: [(tx, w) => tx.insert(progressClientEvents).values({ userId: w.users.owner.id, clientEventId: crypto.randomUUID(), kind: 'progress_update', progressId: w.progress, response: {} }).returning(clientEventOf), [false, false, false, false]],
    update: [(tx, w) => tx.update(progressClientEvents).set({ response: { forged: true } }).where(eq(progressClientEvents.clientEventId, w.clientEvent)).returning(clientEventOf), [false, false, false, false]],
    delete: [(tx, w) => tx.delete(progressClientEvents).where(eq(progressClientEvents.clientEventId, w.clientEvent)).returning(clientEventOf), [false, false, false, false]],
  },
};

describe('row-level security matrix', () => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await createTestDatabase();
    const [owner, other, admin, premium] = await Promise.all([
      createTestUser(),
      createTestUser(),
      createTestUser({ role: 'admin' }),
      createTestUser({ tier: 'premium' }),
    ]);
    const freeQuest = await createTestQuest(testQuest('matrix-free'));
    const premiumQuest = await createTestQuest(testQuest('matrix-premium', { tier: 'premium' }));
    const draftQuest = await createTestQuest(testQuest('matrix-draft'), { publish: false });
    const spareQuest = await createTestQuest(testQuest('matrix-spare'));
    world = await asService('test-fixture', async (tx) => {
      const steps = await tx.select().from(questSteps).where(eq(questSteps.questId, freeQuest));
      const [premiumStep] = await tx.select().from(questSteps).where(eq(questSteps.questId, premiumQuest));
      const step = (kind: string) => steps.find((s) => s.kind === kind)!.id;
      const spareUserId = await createAuthUser(tx, { email: 'spare@example.test' });
      await tx.delete(profiles).where(eq(profiles.id, spareUserId)); // an auth user without a profile
      const [progress] = await tx.insert(userProgress).values({ userId: owner.id, questId: freeQuest }).returning();
      const achievement = await upsertAchievement(tx, { slug: 'matrix-a', name: 'Matrix A', description: 'For the RLS matrix.', criteria: { type: 'first_quest' }, xpReward: 0, rarity: 'common' });
      const spareAchievement = await upsertAchievement(tx, { slug: 'matrix-b', name: 'Matrix B', description: 'For the RLS matrix.', criteria: { type: 'quests_completed', count: 2 }, xpReward: 0, rarity: 'common' });
      const [unlock] = await tx.insert(userAchievements).values({ userId: owner.id, achievementId: achievement }).returning();
      const { familyId: refreshFamily } = await startFamily(tx, owner.id, { ip: null, userAgent: null });
      await issueOneTimeToken(tx, owner.id, 'reset_password');
      const [answer] = await tx.insert(stepAnswers).values({ progressId: progress!.id, userId: owner.id, stepId: step('quiz'), answer: ['b'], correct: false }).returning();
      const [xp] = await tx.insert(xpLedger).values({ userId: owner.id, questId: freeQuest, reason: 'quest_completed', amount: 100 }).returning();
      await tx.insert(learningDays).values({ userId: owner.id, day: '2026-01-05' });
      await tx.insert(billingCustomers).values({ userId: owner.id, stripeCustomerId: 'cus_matrix' });
      await tx.insert(analyticsEvents).values({ name: 'sign_up', userId: owner.id });
      await tx.insert(stripeEvents).values({ id: 'evt_matrix', type: 'invoice.paid', stripeCreatedAt: new Date() });
      const [audit] = await tx.insert(auditLog).values({ actorId: admin.id, actorEmail: admin.email, action: 'user.suspend', targetType: 'user', targetId: owner.id }).returning();
      const [clientEvent] = await tx
        .insert(progressClientEvents)
        .values({ userId: owner.id, clientEventId: crypto.randomUUID(), kind: 'progress_update', progressId: progress!.id, response: { progress: {} } })
        .returning();
      const [subscription] = await tx.insert(subscriptions).values({ userId: owner.id, planId: 'premium-monthly', status: 'active', stripeSubscriptionId: 'sub_matrix' }).returning();
      return {
        users: { owner, other, admin, premium },
        spareUserId,
        freeQuest,
        premiumQuest,
        draftQuest,
        spareQuest,
        freeStep: step('reading'),
        freeReadingStep: step('reading'),
        freeQuizStep: step('quiz'),
        premiumStep: premiumStep!.id,
        progress: progress!.id,
        achievement,
        spareAchievement,
        unlock: unlock!.id,
        subscription: subscription!.id,
        refreshFamily,
        mail: '',
        answer: answer!.id,
        xp: xp!.id,
        audit: audit!.id,
        clientEvent: clientEvent!.clientEventId,
      };
    });
  });

  beforeAll(async () => {
    world.mail = (await sendMail({ to: world.users.owner.email, ...verificationEmail({ name: 'Owner', link: 'https://workfree.test/verify-email?token=matrix' }) })).id;
  });

  afterAll(async () => {
    await database.drop();
  });

  const claimsOf = (actor: Actor | 'premium') => (actor === 'anon' ? null : world.users[actor].claims);

  it('covers every table in the public schema', async () => {
    const rows = await database.connection.withSession((s) =>
      s.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1"),
    );
    expect(rows.map((r) => r.tablename)).toEqual(Object.keys(matrix).sort());
  });

  const cases = (Object.keys(matrix) as TableName[]).flatMap((table) =>
    (['select', 'insert', 'update', 'delete'] as Op[]).flatMap((op) =>
      ACTORS.map((actor, i) => ({ table, op, actor, allowed: matrix[table][op][1][i]! })),
    ),
  );

  it.each(cases)('$table: $op as $actor → allowed=$allowed', async ({ table, op, actor, allowed }) => {
    const [run] = matrix[table][op];
    expect(await affects(claimsOf(actor), (tx) => run(tx, world))).toBe(allowed);
  });

  describe('rows that depend on publication and tier', () => {
    const selectQuest = (id: () => string) => (tx: Tx) =>
      tx.select({ id: quests.id }).from(quests).where(eq(quests.id, id()));
    const selectStep = (id: () => string) => (tx: Tx) =>
      tx.select({ id: questSteps.id, body: questSteps.body }).from(questSteps).where(eq(questSteps.id, id()));

    it.each([
      ['anon', false],
      ['other', false],
      ['owner', false],
      ['premium', false],
      ['admin', true],
    ] as const)('a draft quest is visible to %s: %s', async (actor, visible) => {
      expect(await affects(claimsOf(actor), selectQuest(() => world.draftQuest))).toBe(visible);
    });

    it.each([
      ['anon', true],
      ['owner', true],
      ['premium', true],
    ] as const)('a published premium quest row is listed for %s (shown locked in the catalog)', async (actor, visible) => {
      expect(await affects(claimsOf(actor), selectQuest(() => world.premiumQuest))).toBe(visible);
    });

    it.each([
      ['anon', false],
      ['other', false],
      ['owner', false],
      ['premium', true],
      ['admin', true],
    ] as const)('a premium step body is readable by %s: %s', async (actor, visible) => {
      expect(await affects(claimsOf(actor), selectStep(() => world.premiumStep))).toBe(visible);
    });

    it.each(['anon', 'other', 'owner', 'premium', 'admin'] as const)(
      'answer keys are unreadable by %s, even in bulk',
      async (actor) => {
        expect(await affects(claimsOf(actor), (tx) => tx.select().from(questStepAnswers))).toBe(false);
      },
    );
  });
});
