import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Session } from '@/lib/auth/types';
import { asService, asUser } from '@/lib/db';
import {
  achievements,
  analyticsEvents,
  billingCustomers,
  learningDays,
  profiles,
  questSteps,
  refreshTokens,
  quests,
  stepAnswers,
  subscriptions,
  userAchievements,
  userProgress,
  xpLedger,
} from '@/lib/db/schema';

export const EXPORT_FORMAT = 'workfree.user-export';
export const EXPORT_VERSION = 1;

/** What the export says about itself, so a reader knows what is (and is not) in it. */
export const EXPORT_NOTES = [
  'Everything except analyticsEvents was read as you, under the same access rules as the app: it is exactly what the app holds about you.',
  'Analytics events are readable only by staff; they were read by a server job limited to events recorded with your user id.',
  'A quest or step title is null when that content is no longer readable to you (unpublished, archived, or premium while you are on the free plan); its id is kept.',
  'Payment details stay with Stripe and are not held by WorkFree; hasBillingCustomer says whether a Stripe customer exists for you.',
  'Passwords, session tokens and one-time links are never exported.',
  'profile.signIns lists each sign-in with the address and browser it came from; WorkFree stores these encrypted (AES-256-GCM) and decrypts them only for you. Sign-in records are readable only by the server; a server job read them, limited to your user id.',
  'Deleting your account (Settings → Delete account) removes this data and your Stripe customer; analytics events are kept without your user id.',
];

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Everything WorkFree holds about the caller, as a JSON-ready object (GET /api/me/export).
 * Reads run as the caller under RLS, in one transaction so the parts agree with each other.
 * Analytics events are admin-only under RLS: a named service job reads them, filtered by the
 * caller's id and nothing else.
 */
export async function exportUserData(session: Session, now: Date = new Date()) {
  const userId = session.user.id;

  const own = await asUser(session.claims, async (tx) => {
    const [profile] = await tx
      .select({
        id: profiles.id,
        email: profiles.email,
        fullName: profiles.fullName,
        avatarUrl: profiles.avatarUrl,
        role: profiles.role,
        subscriptionTier: profiles.subscriptionTier,
        subscriptionStatus: profiles.subscriptionStatus,
        timeZone: profiles.timeZone,
        leaderboardOptIn: profiles.leaderboardOptIn,
        emailVerified: profiles.emailVerified,
        createdAt: profiles.createdAt,
        lastLoginAt: profiles.lastLoginAt,
        updatedAt: profiles.updatedAt,
      })
      .from(profiles)
      .where(eq(profiles.id, userId));

    const progress = await tx
      .select({
        questId: userProgress.questId,
        questSlug: quests.slug,
        questTitle: quests.title,
        status: userProgress.status,
        progressPercentage: userProgress.progressPercentage,
        currentStep: userProgress.currentStep,
        totalSteps: userProgress.totalSteps,
        score: userProgress.score,
        timeSpentSeconds: userProgress.timeSpentSeconds,
        startedAt: userProgress.startedAt,
        completedAt: userProgress.completedAt,
        updatedAt: userProgress.updatedAt,
      })
      .from(userProgress)
      .leftJoin(quests, eq(quests.id, userProgress.questId))
      .where(eq(userProgress.userId, userId))
      .orderBy(asc(userProgress.startedAt), asc(userProgress.id));

    const answers = await tx
      .select({
        stepId: stepAnswers.stepId,
        stepTitle: questSteps.title,
        questId: userProgress.questId,
        answer: stepAnswers.answer,
        correct: stepAnswers.correct,
        answeredAt: stepAnswers.answeredAt,
      })
      .from(stepAnswers)
      .innerJoin(userProgress, eq(userProgress.id, stepAnswers.progressId))
      .leftJoin(questSteps, eq(questSteps.id, stepAnswers.stepId))
      .where(eq(stepAnswers.userId, userId))
      .orderBy(asc(stepAnswers.answeredAt), asc(stepAnswers.id));

    const xp = await tx
      .select({
        reason: xpLedger.reason,
        amount: xpLedger.amount,
        questId: xpLedger.questId,
        achievementId: xpLedger.achievementId,
        createdAt: xpLedger.createdAt,
      })
      .from(xpLedger)
      .where(eq(xpLedger.userId, userId))
      .orderBy(asc(xpLedger.createdAt), asc(xpLedger.id));

    const days = await tx
      .select({ day: learningDays.day })
      .from(learningDays)
      .where(eq(learningDays.userId, userId))
      .orderBy(asc(learningDays.day));

    const unlocked = await tx
      .select({
        achievementId: userAchievements.achievementId,
        slug: achievements.slug,
        name: achievements.name,
        unlockedAt: userAchievements.unlockedAt,
      })
      .from(userAchievements)
      .leftJoin(achievements, eq(achievements.id, userAchievements.achievementId))
      .where(eq(userAchievements.userId, userId))
      .orderBy(asc(userAchievements.unlockedAt), asc(userAchievements.id));

    // Stripe ids stay out: they are keys into another company's system, not the learner's data.
    const subs = await tx
      .select({
        planId: subscriptions.planId,
        status: subscriptions.status,
        currentPeriodStart: subscriptions.currentPeriodStart,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        createdAt: subscriptions.createdAt,
        updatedAt: subscriptions.updatedAt,
      })
      .from(subscriptions)
      .where(eq(subscriptions.userId, userId))
      .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));

    const customer = await tx
      .select({ userId: billingCustomers.userId })
      .from(billingCustomers)
      .where(eq(billingCustomers.userId, userId));

    return { profile, progress, answers, xp, days, unlocked, subs, hasBillingCustomer: customer.length > 0 };
  });

  const events = await asService('privacy-export-analytics', (tx) =>
    tx
      .select({
        name: analyticsEvents.name,
        questId: analyticsEvents.questId,
        stepPosition: analyticsEvents.stepPosition,
        occurredAt: analyticsEvents.occurredAt,
      })
      .from(analyticsEvents)
      .where(eq(analyticsEvents.userId, userId))
      .orderBy(asc(analyticsEvents.occurredAt), asc(analyticsEvents.id)),
  );

  // Sign-in records are server-only under RLS (they hold token hashes); one row per sign-in, the
  // family's first token, without the hash. ip and userAgent come back decrypted.
  const signIns = await asService('privacy-export-sign-ins', (tx) =>
    tx
      .select({ signedInAt: refreshTokens.createdAt, ip: refreshTokens.ip, userAgent: refreshTokens.userAgent })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.parentId)))
      .orderBy(asc(refreshTokens.createdAt), asc(refreshTokens.id)),
  );

  const p = own.profile;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    notes: EXPORT_NOTES,
    profile: p
      ? {
          id: p.id,
          email: p.email,
          fullName: p.fullName,
          avatarUrl: p.avatarUrl,
          role: p.role,
          tier: p.subscriptionTier,
          subscriptionStatus: p.subscriptionStatus,
          timeZone: p.timeZone,
          leaderboardOptIn: p.leaderboardOptIn,
          emailVerified: p.emailVerified,
          createdAt: iso(p.createdAt),
          lastLoginAt: iso(p.lastLoginAt),
          updatedAt: iso(p.updatedAt),
          signIns: signIns.map((r) => ({ signedInAt: iso(r.signedInAt), ip: r.ip, userAgent: r.userAgent })),
        }
      : null,
    progress: own.progress.map((r) => ({
      quest: { id: r.questId, slug: r.questSlug, title: r.questTitle },
      status: r.status,
      progressPercentage: r.progressPercentage,
      currentStep: r.currentStep,
      totalSteps: r.totalSteps,
      score: r.score,
      timeSpentSeconds: r.timeSpentSeconds,
      startedAt: iso(r.startedAt),
      completedAt: iso(r.completedAt),
      updatedAt: iso(r.updatedAt),
    })),
    stepAnswers: own.answers.map((r) => ({
      questId: r.questId,
      step: { id: r.stepId, title: r.stepTitle },
      answer: r.answer,
      correct: r.correct,
      answeredAt: iso(r.answeredAt),
    })),
    xpLedger: own.xp.map((r) => ({
      reason: r.reason,
      amount: r.amount,
      questId: r.questId,
      achievementId: r.achievementId,
      createdAt: iso(r.createdAt),
    })),
    learningDays: own.days.map((r) => r.day),
    achievements: own.unlocked.map((r) => ({
      id: r.achievementId,
      slug: r.slug,
      name: r.name,
      unlockedAt: iso(r.unlockedAt),
    })),
    subscriptions: own.subs.map((r) => ({
      plan: r.planId,
      status: r.status,
      currentPeriodStart: iso(r.currentPeriodStart),
      currentPeriodEnd: iso(r.currentPeriodEnd),
      cancelAtPeriodEnd: r.cancelAtPeriodEnd,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    })),
    billing: { hasBillingCustomer: own.hasBillingCustomer },
    analyticsEvents: events.map((r) => ({
      name: r.name,
      questId: r.questId,
      stepPosition: r.stepPosition,
      occurredAt: iso(r.occurredAt),
    })),
  };
}

export type UserDataExport = Awaited<ReturnType<typeof exportUserData>>;
