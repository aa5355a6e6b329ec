import { parseSearchParams } from '@/lib/api/parse';
import { withPermission } from '@/lib/api/route';
import { exportAnalyticsCsv } from '@/lib/admin/analytics/export-csv';
import { analyticsExportSchema } from '@/lib/admin/analytics/schemas';

/**
 * GET /api/admin/analytics/export?from&to&metric=dau|signups|completions|funnel|sessions|subscriptions&questId
 * → text/csv as an attachment (questId is required for the funnel). view:analytics.
 */
export const GET = withPermission('view:analytics', async (request, { session }) => {
  const query = parseSearchParams(request.nextUrl, analyticsExportSchema);
  const { filename, csv } = await exportAnalyticsCsv(session.claims, query);
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});
