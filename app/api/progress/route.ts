import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { listProgress } from '@/lib/progress/queries';

/** GET /api/progress → {progress[], stats: {totalXP, completedQuests, averageScore, totalTimeSpent}} */
export const GET = withUser(async (_request, { session }) => ok(await listProgress(session.claims)));
