import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import { asUser, queryRows } from '@/lib/db';
import { quests, userProgress } from '@/lib/db/schema';
import { hasPremiumAccess } from '@/lib/auth/permissions';
import type { Session } from '@/lib/auth/types';
import { questRefFilter } from '@/lib/quests/queries';
import { progressView, type ProgressView } from './progress-view';

export const premiumRequired = () =>
  new ApiError('PREMIUM_REQUIRED', 'This is a premium quest: upgrade to premium to play it');

/**
 * Starts a quest for the signed-in learner, or returns their existing progress (starting twice is
 * harmless). Runs as the learner: RLS only lets them insert their own row for a quest they may
 * read, and the progress guard trigger only lets it start at step 0.
 */
export async function startQuest(session: Session, ref: string): Promise<{ progress: ProgressView; created: boolean }> {
  return asUser(session.claims, async (tx) => {
    const [quest] = await tx
      .select({ id: quests.id, tier: quests.tier, prerequisites: quests.prerequisites, stepCount: quests.stepCount })
      .from(quests)
      .where(and(questRefFilter(ref), eq(quests.isPublished, true)))
      .limit(1);
    if (!quest) throw new ApiError('NOT_FOUND', 'No published quest with that id');
    if (quest.tier === 'premium' && !hasPremiumAccess(session.user)) throw premiumRequired();

    const [existing] = await tx
      .select()
      .from(userProgress)
      .where(and(eq(userProgress.userId, session.user.id), eq(userProgress.questId, quest.id)))
      .limit(1);
    if (existing) return { progress: progressView(existing), created: false };

    if (quest.prerequisites.length) {
      const missing = await queryRows<{ title: string }>(
        tx,
        sql`select q.title from public.quests q
            where q.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(quest.prerequisites)}::jsonb))
              and not exists (select 1 from public.user_progress up
                              where up.quest_id = q.id and up.user_id = ${session.user.id} and up.status = 'completed')
            order by q.title`,
      );
      if (missing.length) {
        throw new ApiError('PREREQUISITES_UNMET', `Finish ${missing.map((m) => m.title).join(', ')} first`, {
          prerequisites: missing.map((m) => m.title),
        });
      }
    }

    const [created] = await tx
      .insert(userProgress)
      .values({ userId: session.user.id, questId: quest.id, totalSteps: quest.stepCount })
      .onConflictDoNothing({ target: [userProgress.userId, userProgress.questId] })
      .returning();
    if (created) return { progress: progressView(created), created: true };
    // A concurrent start won the race: hand back its row.
    const [winner] = await tx
      .select()
      .from(userProgress)
      .where(and(eq(userProgress.userId, session.user.id), eq(userProgress.questId, quest.id)));
    return { progress: progressView(winner!), created: false };
  });
}
