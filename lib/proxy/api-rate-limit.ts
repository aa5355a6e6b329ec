import 'server-only';
import type { NextRequest } from 'next/server';
import { ACCESS_COOKIE } from '@/lib/auth/cookies';
import { verifyAccessToken } from '@/lib/auth/jwt';
import { bearerTokenOf } from '@/lib/auth/session';
import { rateLimit, type RateLimitResult } from '@/lib/ratelimit';
import { clientIp } from '@/lib/ratelimit/client-ip';

/** Routes outside the API budget: probes, and webhooks that the provider retries anyway. */
const EXEMPT = [/^\/api\/health(\/|$)/, /^\/api\/webhooks\//, /^\/api\/metrics$/];

/**
 * The API budget of a request: 100 per minute per signed-in user, 20 per minute per IP for
 * everyone else. Identity here only picks the bucket — the token's signature is checked, but a
 * revoked session still counts against its user, which is what we want.
 */
export async function limitApiRequest(request: NextRequest): Promise<RateLimitResult | null> {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith('/api/') || EXEMPT.some((re) => re.test(pathname))) return null;
  const bearer = bearerTokenOf(request.headers);
  const token = bearer === undefined ? request.cookies.get(ACCESS_COOKIE)?.value : bearer;
  const claims = token ? await verifyAccessToken(token) : null;
  if (claims) return rateLimit('api', `user:${claims.sub}`);
  return rateLimit('public', `ip:${clientIp(request.headers) ?? 'unknown'}`);
}
