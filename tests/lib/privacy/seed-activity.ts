import { and, asc, eq, gte } from 'drizzle-orm';
import { asService } from '@/lib/db';
import {
  achievements,
  analyticsEvents,
  billingCustomers,
  learningDays,
  questSteps,
  stepAnswers,
  subscriptions,
  userAchievements,
  userProgress,
  xpLedger,
} from '@/lib/db/schema';

let counter = 0;

/**
 * Writes one of every kind of row the data export reads, for `userId` in `questId`, as a service
 * job (the way the app's own server code writes them). Returns what it wrote, for assertions.
 */
export async function seedActivity(userId: string, questId: string, label: string) {
  const n = ++counter;
  return asService('test-fixture', async (tx) => {
    const [step] = await tx
      .select({ id: questSteps.id, title: questSteps.title })
      .from(questSteps)
      .where(and(eq(questSteps.questId, questId), gte(questSteps.position, 1)))
      .orderBy(asc(questSteps.position))
      .limit(1);
    if (!step) throw new Error('the quest has no second step');
    const [progress] = await tx
      .insert(userProgress)
      .values({ userId, questId, status: 'completed', progressPercentage: 100, currentStep: 2, totalSteps: 3, score: 90, timeSpentSeconds: 321, completedAt: new Date() })
      .returning({ id: userProgress.id });
    await tx.insert(stepAnswers).values({ progressId: progress!.id, userId, stepId: step.id, answer: [`${label}-choice`], correct: true });
    const [achievement] = await tx
      .insert(achievements)
      .values({ slug: `${label}-badge-${n}-${Date.now()}`, name: `${label} badge`, criteria: { type: 'quests_completed', count: 1 }, xpReward: 25 })
      .returning({ id: achievements.id, slug: achievements.slug });
    await tx.insert(userAchievements).values({ userId, achievementId: achievement!.id });
    await tx.insert(xpLedger).values([
      { userId, questId, reason: 'quest_completed', amount: 100 },
      { userId, achievementId: achievement!.id, reason: 'achievement_unlocked', amount: 25 },
    ]);
    await tx.insert(learningDays).values({ userId, day: '2026-11-20' });
    await tx.insert(subscriptions).values({
      userId,
      stripeCustomerId: `cus_${label}_${n}`,
      stripeSubscriptionId: `sub_${label}_${n}`,
      planId: 'premium-monthly',
      status: 'active',
      currentPeriodEnd: new Date('2026-12-20T00:00:00Z'),
    });
    await tx.insert(billingCustomers).values({ userId, stripeCustomerId: `cus_${label}_${n}` });
    await tx.insert(analyticsEvents).values({ name: 'quest_complete', userId, questId, properties: { secret: `${label}-props` } });
    return { step, achievement: achievement!, stripeCustomerId: `cus_${label}_${n}`, stripeSubscriptionId: `sub_${label}_${n}` };
  });
}
