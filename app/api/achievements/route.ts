import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { listAchievementsForUser } from '@/lib/achievements/queries';

/** GET /api/achievements → {achievements}: every achievement with the caller's unlocks and progress. */
export const GET = withUser(async (_request, { session }) =>
  ok({ achievements: await listAchievementsForUser(session.claims) }),
);
