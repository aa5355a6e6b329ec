import type { Instrumentation } from 'next';

/**
 * Runs once when a server instance starts. Validating configuration here makes a misconfigured
 * deployment fail at boot, naming the variable, instead of on its first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  env();
}

/**
 * Errors Next.js caught outside route() — a page that failed to render (a database outage, say) —
 * go to the JSON log with the request id; only the method, path and route, never the headers.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/observability/logger');
  const id = request.headers['x-request-id'];
  logger().error(
    {
      requestId: typeof id === 'string' ? id : undefined,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    'request failed',
  );
};
