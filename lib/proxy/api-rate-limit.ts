import 'server-only';
import type { NextRequest } from 'next/server';
import { ACCESS_COOKIE } from '@/lib/auth/cookies';
import { bearerTokenOf, verifyAccessTokenRemembered } from '@/lib/auth/session';
import type { JwtClaims } from '@/lib/db/claims';
import { env } from '@/lib/env';
import { rateLimit, type BackendDownMode, type RateLimitResult } from '@/lib/ratelimit';
import { clientIp } from '@/lib/ratelimit/client-ip';

/** Routes outside the API budget: probes, and webhooks that the provider retries anyway. */
// Media is exempt too: a catalog page loads a cover per card, the objects never change, and
// browsers cache them for a year — counting them would 429 an anonymous visitor's second page.
const EXEMPT = [/^\/api\/health(\/|$)/, /^\/api\/webhooks\//, /^\/api\/metrics$/, /^\/api\/media\//];

/**
 * Who is calling, only to pick a budget: the token's signature is checked (so nobody can spend
 * someone else's budget), but not whether the session was revoked — that is the handler's job.
 * Under Supabase Auth the token is Supabase's, in a bearer header or its sb-* cookies.
 */
async function callerClaims(request: NextRequest): Promise<JwtClaims | null> {
  const bearer = bearerTokenOf(request.headers);
  const config = env();
  if (config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY) {
    const { supabaseAuthAdapter } = await import('@/lib/auth/supabase/adapter');
    const adapter = supabaseAuthAdapter();
    if (bearer !== undefined) return bearer ? adapter.verifyAccessToken(bearer) : null;
    return adapter.claimsFromCookies({ getAll: () => request.cookies.getAll(), setAll: () => {} });
  }
  const token = bearer === undefined ? request.cookies.get(ACCESS_COOKIE)?.value : bearer;
  // The same memo the route's session check uses: the HMAC is checked once per token, not twice per request.
  return token ? verifyAccessTokenRemembered(token) : null;
}

/** Endpoints that take a password or a credential token: guessing must stay limited, whatever is down. */
const CREDENTIAL_ENDPOINTS = new Set([
  '/api/auth/login',
  '/api/auth/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/change-password',
]);

/**
 * While the shared limiter is unreachable: credential writes fail closed (503), reads are served
 * unlimited (an outage of the limiter must not take the site down), other writes count per instance.
 */
export function backendDownModeOf(method: string, pathname: string): BackendDownMode {
  if (method === 'GET' || method === 'HEAD') return 'open';
  if (CREDENTIAL_ENDPOINTS.has(pathname.replace(/\/+$/, ''))) return 'closed';
  return 'fallback';
}

/**
 * The API budget of a request: 100 per minute per signed-in user, 20 per minute per IP otherwise.
 * Null when no limit applies (exempt routes, or a read while the limiter is unreachable). Throws
 * RateLimitUnavailableError for a credential endpoint while the limiter is unreachable.
 */
export async function limitApiRequest(request: NextRequest): Promise<RateLimitResult | null> {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith('/api/') || EXEMPT.some((re) => re.test(pathname))) return null;
  const mode = backendDownModeOf(request.method, pathname);
  const claims = await callerClaims(request);
  const result = claims
    ? await rateLimit('api', `user:${claims.sub}`, mode)
    : await rateLimit('public', `ip:${clientIp(request.headers) ?? 'unknown'}`, mode);
  return result.degraded === 'open' ? null : result;
}
