import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { limitApiRequest } from '@/lib/proxy/api-rate-limit';
import { isCrossSiteRequest } from '@/lib/proxy/csrf';
import { isStaff } from '@/lib/auth/permissions';
import { HOME_SIGNED_IN, isAdminPath, isProtectedPath, isSignedOutOnlyPath, safeReturnPath } from '@/lib/proxy/paths';
import { contentSecurityPolicy, newNonce, originOf } from '@/lib/proxy/content-security-policy';
import { isLiveSessionElseClear } from '@/lib/proxy/end-dead-session';
import { refreshSessionInProxy } from '@/lib/proxy/session';
import { rateLimitHeaders, RateLimitUnavailableError } from '@/lib/ratelimit';
import { recordAnsweredRequest } from '@/lib/observability/access-log';
import { runWithRequestContext } from '@/lib/observability/request-context';

/**
 * Next.js 16's request interception (formerly middleware.ts), the first gate of every request:
 * a request id, the CSRF check and rate limits for the API, and for pages a refreshed session
 * plus redirects around the signed-in areas. Authorization happens again in handlers and RLS.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function apiError(status: number, code: string, message: string, headers: Record<string, string>) {
  return NextResponse.json({ success: false, error: { code, message } }, { status, headers });
}

/**
 * An API request the proxy answers itself never reaches route(), which logs and counts the rest:
 * log and count it here.
 */
function answeredHere(request: NextRequest, requestId: string, started: number, response: NextResponse): NextResponse {
  recordAnsweredRequest({
    method: request.method,
    pathname: request.nextUrl.pathname,
    status: response.status,
    durationMs: performance.now() - started,
    requestId,
  });
  return response;
}

export async function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  // Whatever the proxy's own work logs (a limiter outage, a session refresh) carries the id too.
  return runWithRequestContext({ requestId }, () => handle(request, requestId));
}

async function handle(request: NextRequest, requestId: string) {
  const forwardHeaders = new Headers(request.headers);
  forwardHeaders.set('x-request-id', requestId);
  const { pathname, search } = request.nextUrl;

  if (pathname.startsWith('/api/')) {
    const started = performance.now();
    const appUrl = env().APP_URL;
    if (isCrossSiteRequest(request, appUrl ? [new URL(appUrl).origin] : [])) {
      return answeredHere(request, requestId, started, apiError(403, 'CSRF_REJECTED', 'Cross-site request refused', { 'x-request-id': requestId }));
    }
    let limit;
    try {
      limit = await limitApiRequest(request);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      return answeredHere(
        request,
        requestId,
        started,
        apiError(503, 'RATE_LIMIT_UNAVAILABLE', 'Sign-in is temporarily unavailable; try again in a few seconds', {
          'Retry-After': '5',
          'x-request-id': requestId,
        }),
      );
    }
    const limitHeaders = limit ? rateLimitHeaders(limit) : {};
    if (limit && !limit.success) {
      return answeredHere(
        request,
        requestId,
        started,
        apiError(429, 'RATE_LIMITED', 'Too many requests; slow down and try again shortly', {
          ...limitHeaders,
          'x-request-id': requestId,
        }),
      );
    }
    const response = NextResponse.next({ request: { headers: forwardHeaders } });
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    response.headers.set('x-request-id', requestId);
    return response;
  }

  // Pages get a script policy with a fresh nonce; Next.js reads it from the forwarded headers.
  const csp = pageContentSecurityPolicy();
  forwardHeaders.set('content-security-policy', csp);
  const { response, signedIn, role } = await refreshSessionInProxy(request, forwardHeaders);
  response.headers.set('content-security-policy', csp);
  if (!signedIn && isProtectedPath(pathname)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    return withCookiesOf(response, NextResponse.redirect(login), requestId);
  }
  if (signedIn && isAdminPath(pathname) && !(role && isStaff(role))) {
    // The admin area does not advertise itself: a learner gets the same 404 as a missing page.
    const notFound = NextResponse.rewrite(new URL('/not-found', request.url), { status: 404, request: { headers: forwardHeaders } });
    notFound.headers.set('content-security-policy', csp);
    return withCookiesOf(response, notFound, requestId);
  }
  if (signedIn && isSignedOutOnlyPath(pathname) && (await isLiveSessionElseClear(request, response, env().APP_URL ?? request.nextUrl.origin))) {
    const next = safeReturnPath(request.nextUrl.searchParams.get('next')) ?? HOME_SIGNED_IN;
    return withCookiesOf(response, NextResponse.redirect(new URL(next, request.url)), requestId);
  }
  response.headers.set('x-request-id', requestId);
  return response;
}

function pageContentSecurityPolicy(): string {
  const config = env();
  const supabase = originOf(config.NEXT_PUBLIC_SUPABASE_URL);
  return contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV !== 'production',
    imageOrigins: originOf(config.S3_PUBLIC_URL),
    // supabase-js talks to its project over https and, for realtime, wss.
    connectOrigins: [...supabase, ...supabase.map((o) => o.replace(/^http/, 'ws'))],
  });
}

/** A redirect must carry the cookies the session refresh just wrote. */
function withCookiesOf(from: NextResponse, to: NextResponse, requestId: string): NextResponse {
  for (const cookie of from.cookies.getAll()) to.cookies.set(cookie);
  to.headers.set('x-request-id', requestId);
  return to;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|logo.svg).*)'],
};
