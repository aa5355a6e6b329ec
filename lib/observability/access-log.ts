import 'server-only';
import { appMetrics } from './app-metrics';
import { logger } from './logger';
import { methodLabel, routePatternOf } from './route-patterns';

export interface AnsweredRequest {
  method: string;
  pathname: string;
  status: number;
  durationMs: number;
  requestId: string;
  userId?: string;
}

// Probes hit these every few seconds: their lines would drown the traffic they are meant to watch.
const PROBES = new Set(['/api/health', '/api/health/ready', '/api/metrics']);

/**
 * One access-log line and the request metrics for an answered API request. Only these fields are
 * logged: never headers, cookies, query strings or bodies.
 */
export function recordAnsweredRequest(request: AnsweredRequest): void {
  const route = routePatternOf(request.pathname);
  const method = methodLabel(request.method);
  const metrics = appMetrics();
  metrics.httpRequests.inc({ method, route, status: String(request.status) });
  metrics.httpDuration.observe({ method, route }, request.durationMs / 1000);
  const line = {
    requestId: request.requestId,
    method,
    route,
    status: request.status,
    durationMs: Math.round(request.durationMs * 10) / 10,
    ...(request.userId ? { userId: request.userId } : {}),
  };
  const log = logger();
  if (PROBES.has(route)) log.debug(line, 'request');
  else if (request.status >= 500) log.error(line, 'request');
  else log.info(line, 'request');
}
