import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asUser, queryRows, readAsService, statement, type JwtClaims } from '@/lib/db';
import { hasPremiumAccess } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { questSteps, quests, stepAnswers, userProgress } from '@/lib/db/schema';
import { premiumRequired } from './start-quest';
import { progressView, type ProgressView } from './progress-view';
import type { PlayerStep } from './player-types';

export interface ProgressQuest {
  id: string;
  slug: string;
  title: string;
  category: string;
  difficulty: string;
  tier: string;
  xpReward: number;
}

export interface ProgressListItem extends ProgressView {
  quest: ProgressQuest;
}

export interface ProgressStats {
  totalXP: number;
  completedQuests: number;
  averageScore: number;
  /** Seconds. */
  totalTimeSpent: number;
}

const questColumns = {
  id: quests.id,
  slug: quests.slug,
  title: quests.title,
  category: quests.category,
  difficulty: quests.difficulty,
  tier: quests.tier,
  xpReward: quests.xpReward,
};

const progressOf = statement('progress-list', (tx) =>
  tx
    .select({ progress: userProgress, quest: questColumns })
    .from(userProgress)
    .innerJoin(quests, eq(quests.id, userProgress.questId))
    .where(eq(userProgress.userId, sql.placeholder('userId')))
    .orderBy(desc(userProgress.updatedAt), asc(userProgress.id))
    .limit(500),
);

/** GET /api/progress: the caller's progress, newest activity first, and their stats (RLS: own rows). */
export async function listProgress(claims: JwtClaims): Promise<{ progress: ProgressListItem[]; stats: ProgressStats }> {
  return asUser(claims, async (tx) => {
    const [rows, [stats]] = await Promise.all([
      progressOf(tx, { userId: claims.sub }),
      queryRows<ProgressStats>(
        tx,
        sql`select
              (select coalesce(sum(amount), 0)::int from public.xp_ledger where user_id = ${claims.sub}) as "totalXP",
              count(*) filter (where status = 'completed')::int as "completedQuests",
              coalesce(round(avg(score) filter (where status = 'completed')), 0)::int as "averageScore",
              coalesce(sum(time_spent_seconds), 0)::int as "totalTimeSpent"
            from public.user_progress where user_id = ${claims.sub}`,
      ),
    ]);
    return {
      progress: rows.map((r) => ({ ...progressView(r.progress), quest: r.quest })),
      stats: stats ?? { totalXP: 0, completedQuests: 0, averageScore: 0, totalTimeSpent: 0 },
    };
  });
}

/** The play page's lookup: the caller's progress on a quest, by the quest's slug. */
export async function findProgressForQuestSlug(claims: JwtClaims, slug: string): Promise<{ progressId: string } | null> {
  const [row] = await asUser(claims, (tx) =>
    tx
      .select({ id: userProgress.id })
      .from(userProgress)
      .innerJoin(quests, eq(quests.id, userProgress.questId))
      .where(and(eq(quests.slug, slug), eq(userProgress.userId, claims.sub)))
      .limit(1),
  );
  return row ? { progressId: row.id } : null;
}

/**
 * GET /api/progress/:id — what the player needs. Steps are read as the learner, so RLS decides
 * which bodies they may see; explanations are added only for steps they have already answered.
 */
export async function getProgressDetail(session: Session, progressId: string) {
  const detail = await asUser(session.claims, async (tx) => {
    const [row] = await tx
      .select({ progress: userProgress, quest: questColumns })
      .from(userProgress)
      .innerJoin(quests, eq(quests.id, userProgress.questId))
      .where(and(eq(userProgress.id, progressId), eq(userProgress.userId, session.user.id)));
    if (!row) return null;
    if (row.quest.tier === 'premium' && !hasPremiumAccess(session.user)) throw premiumRequired();
    const [steps, answers] = await Promise.all([
      // Archived steps are hidden from everyone playing, admins included (RLS hides them from learners).
      tx
        .select()
        .from(questSteps)
        .where(and(eq(questSteps.questId, row.quest.id), isNull(questSteps.archivedAt)))
        .orderBy(asc(questSteps.position)),
      tx.select().from(stepAnswers).where(eq(stepAnswers.progressId, progressId)),
    ]);
    return { row, steps, answers };
  });
  if (!detail) throw new ApiError('NOT_FOUND', 'No such progress for this account');
  const activeIds = new Set(detail.steps.map((s) => s.id));
  const answeredQuizIds = detail.answers.map((a) => a.stepId).filter((id) => activeIds.has(id));
  // Answer keys are closed to learners: the grader's job reads the explanations of answered steps.
  const explanations = answeredQuizIds.length
    ? await readAsService<{ step_id: string; explanation: string | null }>(
        'grade-step-explanations',
        sql`select step_id, explanation from public.quest_step_answers where step_id in ${answeredQuizIds}`,
      )
    : [];
  const steps: PlayerStep[] = detail.steps.map((s) => {
    const answer = detail.answers.find((a) => a.stepId === s.id);
    return {
      id: s.id,
      position: s.position,
      kind: s.kind as PlayerStep['kind'],
      title: s.title,
      body: s.body,
      choices: s.choices,
      allowMultiple: s.allowMultiple,
      result: answer
        ? { answer: answer.answer, correct: answer.correct, explanation: explanations.find((e) => e.step_id === s.id)?.explanation ?? null }
        : null,
    };
  });
  return { progress: progressView(detail.row.progress), quest: detail.row.quest, steps };
}
