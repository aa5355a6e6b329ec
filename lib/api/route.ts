import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { DatabaseUnavailableError, InvalidClaimsError, withRequestTransaction } from '@/lib/db';
import { can, type Permission } from '@/lib/auth/permissions';
import { loadSession } from '@/lib/auth/load-session-user';
import { resolveCaller } from '@/lib/auth/session';
import type { CookieJar, CookieOptions, Session } from '@/lib/auth/types';
import { instrumentRequest } from '@/lib/observability/instrument-request';
import { logger } from '@/lib/observability/logger';
import { setRequestUser } from '@/lib/observability/request-context';
import { RateLimitUnavailableError } from '@/lib/ratelimit/unavailable';
import { ApiError } from './errors';
import { errorResponse } from './respond';

export type RouteContext<P> = { params: Promise<P> };
/** What handlers get: the route params and the request's cookies, writable. */
export type HandlerContext<P> = RouteContext<P> & { cookies: CookieJar };
type NextHandler<P> = (request: NextRequest, context: RouteContext<P>) => Promise<Response>;
type Handler<P> = (request: NextRequest, context: HandlerContext<P>) => Promise<Response>;
type UserHandler<P> = (request: NextRequest, context: HandlerContext<P> & { session: Session }) => Promise<Response>;

/**
 * A CookieJar over the request's cookies that remembers what handlers write, so the writes can be
 * put on whatever response goes out — success or error (a failed refresh still clears cookies).
 */
function cookieJarOf(request: NextRequest) {
  const pending: { name: string; value: string; options?: CookieOptions }[] = [];
  const jar: CookieJar = {
    getAll: () => request.cookies.getAll().map(({ name, value }) => ({ name, value })),
    setAll: (list) => {
      for (const cookie of list) {
        pending.push(cookie);
        request.cookies.set(cookie.name, cookie.value);
      }
    },
  };
  const applyTo = (response: Response) => {
    // API answers are per caller: never let a shared cache keep one.
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    const cookies = (response as NextResponse).cookies;
    for (const { name, value, options } of pending) {
      if (cookies) cookies.set(name, value, options);
    }
    return response;
  };
  return { jar, applyTo };
}

/** The Postgres error code, wherever the driver or Drizzle put it. */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

// During an outage every request fails the same way: the access lines (status 503) count them, and
// the cause is logged with its stack once per interval rather than hundreds of times a second.
const OUTAGE_LOG_INTERVAL_MS = 10_000;
let lastOutageLog = 0;
function logDatabaseOutage(error: DatabaseUnavailableError): void {
  const now = Date.now();
  if (now - lastOutageLog < OUTAGE_LOG_INTERVAL_MS) return;
  lastOutageLog = now;
  logger().error({ err: error }, 'database unavailable: answering 503 DATABASE_UNAVAILABLE');
}

/** How long a client should wait before retrying when a backend is down. */
const RETRY_AFTER_SECONDS = '5';

/** Maps anything a handler throws to the contract's error body; unknown errors are logged, never shown. */
export function toApiError(error: unknown, requestId: string | null): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidClaimsError) return new ApiError('UNAUTHORIZED', 'Sign in to continue');
  // RLS or a guard trigger said no: the caller is not allowed, which is a 403, not a crash.
  if (pgCode(error) === '42501') return new ApiError('FORBIDDEN', 'You are not allowed to do that');
  if (error instanceof DatabaseUnavailableError) {
    logDatabaseOutage(error);
    return new ApiError('DATABASE_UNAVAILABLE', 'The service is temporarily unavailable; try again in a few seconds', undefined, {
      'Retry-After': RETRY_AFTER_SECONDS,
    });
  }
  if (error instanceof RateLimitUnavailableError) {
    return new ApiError('RATE_LIMIT_UNAVAILABLE', 'Sign-in is temporarily unavailable; try again in a few seconds', undefined, {
      'Retry-After': RETRY_AFTER_SECONDS,
    });
  }
  logger().error({ err: error, requestId: requestId ?? undefined }, 'unhandled route error');
  return new ApiError('INTERNAL_ERROR', `Something went wrong${requestId ? ` (request ${requestId})` : ''}`);
}

/**
 * Every route handler goes through this: errors become `{ success: false, error }` with their
 * status, and each request is logged (one access line, with its request id) and counted.
 */
export function route<P = Record<string, string>>(handler: Handler<P>): NextHandler<P> {
  return (request, context) =>
    instrumentRequest(request, async ({ requestId }) => {
      const { jar, applyTo } = cookieJarOf(request);
      try {
        return applyTo(await handler(request, { ...context, cookies: jar }));
      } catch (error) {
        return applyTo(errorResponse(toApiError(error, requestId)));
      }
    });
}

const READS = new Set(['GET', 'HEAD']);

/**
 * Resolves the caller's session and answers with it. A signed-in read is served in one
 * transaction — the session check and the handler's reads share it (withRequestTransaction) —
 * which saves three statements per request; writes keep a transaction per step of their work.
 */
async function withSessionOf(
  request: NextRequest,
  cookies: CookieJar,
  answer: (session: Session | null) => Promise<Response>,
): Promise<Response> {
  const caller = await resolveCaller(request.headers, cookies);
  if (!caller) return answer(null);
  const load = async () => {
    const session = await loadSession(caller.claims, { sessionFamily: caller.sessionFamily });
    if (session) setRequestUser(session.user.id);
    return answer(session);
  };
  return READS.has(request.method) ? withRequestTransaction(caller.claims, load) : load();
}

/** Public routes that answer differently when someone is signed in (the catalog's progress and locks). */
export function withOptionalUser<P = Record<string, string>>(
  handler: (request: NextRequest, context: HandlerContext<P> & { session: Session | null }) => Promise<Response>,
): NextHandler<P> {
  return route<P>((request, context) => withSessionOf(request, context.cookies, (session) => handler(request, { ...context, session })));
}

/** Requires a signed-in caller (bearer token or session cookie); 401 otherwise. */
export function withUser<P = Record<string, string>>(handler: UserHandler<P>): NextHandler<P> {
  return route<P>((request, context) =>
    withSessionOf(request, context.cookies, (session) => {
      if (!session) throw new ApiError('UNAUTHORIZED', 'Sign in to continue');
      return handler(request, { ...context, session });
    }),
  );
}

/** Requires a signed-in caller whose role holds `permission`; 403 otherwise. RLS checks again. */
export function withPermission<P = Record<string, string>>(permission: Permission, handler: UserHandler<P>): NextHandler<P> {
  return withUser<P>(async (request, context) => {
    if (!can(context.session.user, permission)) {
      throw new ApiError('FORBIDDEN', `This needs the ${permission} permission`);
    }
    return handler(request, context);
  });
}
