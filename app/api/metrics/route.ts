import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { env } from '@/lib/env';
import { appMetrics } from '@/lib/observability/app-metrics';
import { PROMETHEUS_CONTENT_TYPE } from '@/lib/observability/metrics-registry';
import { isMetricsTokenValid } from '@/lib/observability/metrics-token';

export const dynamic = 'force-dynamic';

/**
 * GET /api/metrics: Prometheus text format for a scraper holding METRICS_TOKEN as a bearer token.
 * Without METRICS_TOKEN the route does not exist (404). Counts are this process's only.
 */
export const GET = route(async (request) => {
  const token = env().METRICS_TOKEN;
  if (!token) throw new ApiError('NOT_FOUND', 'Not found');
  if (!isMetricsTokenValid(request.headers.get('authorization'), token)) {
    throw new ApiError('UNAUTHORIZED', 'A valid metrics token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  return new Response(appMetrics().registry.render(), {
    headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
});
