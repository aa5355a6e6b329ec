import { ApiError } from '@/lib/api/errors';
import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';
import { loadAnalyticsDashboard } from '@/lib/admin/analytics/load-dashboard';
import { analyticsQuerySchema } from '@/lib/admin/analytics/schemas';

/**
 * GET /api/admin/analytics?from&to&questId → { range, metrics }
 * Dates are UTC days, both included (default: the last 30 days; at most 366). questId picks the
 * funnel's quest (default: the quest most started in the range). view:analytics; RLS checks again.
 */
export const GET = withPermission('view:analytics', async (request, { session }) => {
  const range = parseSearchParams(request.nextUrl, analyticsQuerySchema);
  const { metrics, questNotFound } = await loadAnalyticsDashboard(session.claims, range);
  if (questNotFound) throw new ApiError('NOT_FOUND', 'No quest with this id', { questId: ['No quest with this id'] });
  return ok({ range, metrics });
});
