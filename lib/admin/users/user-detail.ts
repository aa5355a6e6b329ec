import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { asUser, queryRows } from '@/lib/db';
import type { Session } from '@/lib/auth/types';
import { achievements, quests, subscriptions, userAchievements, userProgress } from '@/lib/db/schema';
import { levelForXp, type LevelInfo } from '@/lib/progress/levels';
import type { ProgressStats } from '@/lib/progress/queries';
import { computeStreak } from '@/lib/streaks/compute-streak';
import { loadStreakInputs } from '@/lib/streaks/queries';
import { listAuditEntries, type AuditPage } from '@/lib/audit/queries';
import { readProfile, type AdminUserProfile } from './user-profile';
import { xpLedgerPage, type XpLedgerPage } from './xp-ledger';

/** A learner's detail page shows at most this many quests (newest activity first). */
export const DETAIL_PROGRESS_LIMIT = 200;

export interface AdminUserProgress {
  id: string;
  quest: { id: string; slug: string; title: string };
  status: 'in_progress' | 'completed';
  progressPercentage: number;
  score: number | null;
  /** Seconds. */
  timeSpent: number;
  startedAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export interface AdminUserDetail {
  profile: AdminUserProfile;
  level: LevelInfo;
  stats: ProgressStats;
  streak: { current: number; longest: number };
  progress: AdminUserProgress[];
  achievements: { id: string; slug: string; name: string; rarity: string; unlockedAt: string }[];
  /** The profile's tier and status, and the latest Stripe subscription when the admin may read
   * subscriptions (RLS: view:analytics); `plan` is null otherwise or when there is none. */
  subscription: {
    tier: 'free' | 'premium';
    status: string;
    plan: { planId: string; status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean } | null;
  };
  xp: XpLedgerPage;
  /** Changes made to this account (super admins only; null for everyone else). */
  audit: AuditPage | null;
}

/**
 * Everything the admin's detail page shows about one user, read as the admin in one transaction:
 * RLS lets admins read profiles, progress, the XP ledger, learning days and unlocks. Null when
 * there is no such user. `xpCursor` picks an older page of the ledger.
 */
export async function getUserDetail(session: Session, userId: string, options: { xpCursor?: string } = {}): Promise<AdminUserDetail | null> {
  const detail = await asUser(session.claims, async (tx) => {
    const profile = await readProfile(tx, userId);
    if (!profile) return null;
    const [stats] = await queryRows<ProgressStats>(
      tx,
      sql`select
            (select coalesce(sum(amount), 0)::int from public.xp_ledger where user_id = ${userId}) as "totalXP",
            count(*) filter (where status = 'completed')::int as "completedQuests",
            coalesce(round(avg(score) filter (where status = 'completed')), 0)::int as "averageScore",
            coalesce(sum(time_spent_seconds), 0)::int as "totalTimeSpent"
          from public.user_progress where user_id = ${userId}`,
    );
    const progress = await tx
      .select({
        id: userProgress.id,
        questId: quests.id,
        questSlug: quests.slug,
        questTitle: quests.title,
        status: userProgress.status,
        progressPercentage: userProgress.progressPercentage,
        score: userProgress.score,
        timeSpent: userProgress.timeSpentSeconds,
        startedAt: userProgress.startedAt,
        completedAt: userProgress.completedAt,
        updatedAt: userProgress.updatedAt,
      })
      .from(userProgress)
      .innerJoin(quests, eq(quests.id, userProgress.questId))
      .where(eq(userProgress.userId, userId))
      .orderBy(desc(userProgress.updatedAt), asc(userProgress.id))
      .limit(DETAIL_PROGRESS_LIMIT);
    const unlocked = await tx
      .select({ id: achievements.id, slug: achievements.slug, name: achievements.name, rarity: achievements.rarity, unlockedAt: userAchievements.unlockedAt })
      .from(userAchievements)
      .innerJoin(achievements, eq(achievements.id, userAchievements.achievementId))
      .where(eq(userAchievements.userId, userId))
      .orderBy(desc(userAchievements.unlockedAt));
    const [plan] = await tx
      .select({
        planId: subscriptions.planId,
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      })
      .from(subscriptions)
      .where(eq(subscriptions.userId, userId))
      .orderBy(desc(subscriptions.updatedAt))
      .limit(1);
    const streakInputs = await loadStreakInputs(tx, userId);
    const xp = await xpLedgerPage(tx, userId, options.xpCursor);
    return { profile, stats, progress, unlocked, plan, streakInputs, xp };
  });
  if (!detail) return null;

  const stats = detail.stats ?? { totalXP: 0, completedQuests: 0, averageScore: 0, totalTimeSpent: 0 };
  const streak = computeStreak(detail.streakInputs.days, detail.streakInputs.today);
  const audit =
    session.user.role === 'super_admin' ? await listAuditEntries(session, { targetType: 'user', targetId: userId, limit: 20 }) : null;
  return {
    profile: detail.profile,
    level: levelForXp(stats.totalXP),
    stats,
    streak: { current: streak.current, longest: streak.longest },
    progress: detail.progress.map((p) => ({
      id: p.id,
      quest: { id: p.questId, slug: p.questSlug, title: p.questTitle },
      status: p.status === 'completed' ? 'completed' : 'in_progress',
      progressPercentage: p.progressPercentage,
      score: p.score,
      timeSpent: p.timeSpent,
      startedAt: p.startedAt.toISOString(),
      completedAt: p.completedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
    })),
    achievements: detail.unlocked.map((a) => ({ ...a, unlockedAt: a.unlockedAt.toISOString() })),
    subscription: {
      tier: detail.profile.tier,
      status: detail.profile.subscriptionStatus,
      plan: detail.plan
        ? {
            planId: detail.plan.planId,
            status: detail.plan.status,
            currentPeriodEnd: detail.plan.currentPeriodEnd?.toISOString() ?? null,
            cancelAtPeriodEnd: detail.plan.cancelAtPeriodEnd,
          }
        : null,
    },
    xp: detail.xp,
    audit,
  };
}

/** GET /api/admin/users/:id/xp — a further page of the ledger; null when the user does not exist. */
export async function getXpLedgerPage(session: Session, userId: string, cursor?: string): Promise<XpLedgerPage | null> {
  return asUser(session.claims, async (tx) => {
    if (!(await readProfile(tx, userId))) return null;
    return xpLedgerPage(tx, userId, cursor);
  });
}
