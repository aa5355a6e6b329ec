import { z } from 'zod';
import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { LEADERBOARD_MAX_LIMIT, weeklyLeaderboard } from '@/lib/leaderboard/queries';

const leaderboardParamsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(LEADERBOARD_MAX_LIMIT).default(50),
});

/** GET /api/leaderboard?limit → {entries, me, weekStartsAt}: this week's opted-in learners. */
export const GET = withUser(async (request, { session }) => {
  const { limit } = parseSearchParams(new URL(request.url), leaderboardParamsSchema);
  return ok({ ...(await weeklyLeaderboard(session.claims, limit)) });
});
