import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { builtInAuthAdapter } from '@/lib/auth/built-in/adapter';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/lib/auth/cookies';
import { verifyAccessToken } from '@/lib/auth/jwt';
import type { CookieJar } from '@/lib/auth/types';
import type { AppRole, JwtClaims } from '@/lib/db/claims';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/ratelimit/client-ip';
import { hashToken } from '@/lib/auth/token-hash';

/** Refresh this long before the access token expires, so a page never renders with a dying token. */
const REFRESH_MARGIN_SECONDS = 60;

export interface ProxySession {
  response: NextResponse;
  signedIn: boolean;
  /** The app role the session's token carries (a first, coarse gate: pages re-check from the database). */
  role: AppRole | null;
}

const roleOf = (claims: JwtClaims | null | undefined): AppRole | null => (claims ? (claims.app_metadata?.role ?? 'user') : null);

/**
 * Keeps the browser session fresh before the page renders: a valid access cookie passes; an
 * expiring or missing one with a refresh cookie is rotated here, and the new cookies go both to
 * the browser (Set-Cookie) and to the page being rendered (the forwarded request's Cookie header).
 * This is only the first gate; handlers and RLS authorize again.
 */
export async function refreshSessionInProxy(request: NextRequest, forwardHeaders: Headers): Promise<ProxySession> {
  const config = env();
  if (config.NEXT_PUBLIC_SUPABASE_URL && config.NEXT_PUBLIC_SUPABASE_ANON_KEY) {
    const { refreshSupabaseSessionInProxy } = await import('@/lib/auth/supabase/proxy-client');
    const { response, claims } = await refreshSupabaseSessionInProxy(request, forwardHeaders);
    return { response, signedIn: Boolean(claims), role: roleOf(claims) };
  }

  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  const claims = access ? await verifyAccessToken(access) : null;
  const fresh = claims?.exp !== undefined && claims.exp - Math.floor(Date.now() / 1000) > REFRESH_MARGIN_SECONDS;
  if (claims && fresh) {
    return { response: NextResponse.next({ request: { headers: forwardHeaders } }), signedIn: true, role: roleOf(claims) };
  }
  if (!request.cookies.get(REFRESH_COOKIE)?.value) {
    return { response: NextResponse.next({ request: { headers: forwardHeaders } }), signedIn: Boolean(claims), role: roleOf(claims) };
  }

  const { written, signedIn } = await refreshOnce(request, config.APP_URL ?? request.nextUrl.origin);
  for (const { name, value } of written) request.cookies.set(name, value);
  forwardHeaders.set('cookie', request.cookies.toString());
  const response = NextResponse.next({ request: { headers: forwardHeaders } });
  for (const { name, value, options } of written) response.cookies.set(name, value, options);
  const newAccess = written.find((c) => c.name === ACCESS_COOKIE)?.value;
  const role = signedIn && newAccess ? roleOf(await verifyAccessToken(newAccess)) : null;
  return { response, signedIn, role };
}

type Written = Parameters<CookieJar['setAll']>[0];
interface RefreshOutcome {
  written: Written;
  signedIn: boolean;
}

/**
 * A page load fires several requests at once (the document, prefetches), all carrying the same
 * expiring cookies. Rotating the refresh token once per request would make the second request look
 * like a replay and end the session. So concurrent requests with the same refresh token share one
 * rotation, and requests arriving within a few seconds after it (sent before the browser stored
 * the new cookies) get the same result. The API's /api/auth/refresh stays strict.
 */
const SHARE_RESULT_MS = 5_000;
const holder = globalThis as typeof globalThis & {
  __workfreeProxyRefresh?: Map<string, { outcome: Promise<RefreshOutcome>; until: number }>;
};

async function refreshOnce(request: NextRequest, origin: string): Promise<RefreshOutcome> {
  const token = request.cookies.get(REFRESH_COOKIE)?.value ?? '';
  const shared = (holder.__workfreeProxyRefresh ??= new Map());
  const now = Date.now();
  for (const [key, entry] of shared) if (entry.until < now) shared.delete(key);
  const key = hashToken(token);
  const existing = shared.get(key);
  if (existing) return existing.outcome;

  const outcome = (async (): Promise<RefreshOutcome> => {
    const written: Written = [];
    const jar: CookieJar = { getAll: () => request.cookies.getAll(), setAll: (list) => void written.push(...list) };
    try {
      await builtInAuthAdapter.refresh(null, {
        cookies: jar,
        ip: clientIp(request.headers),
        userAgent: request.headers.get('user-agent'),
        origin,
      });
      return { written, signedIn: true };
    } catch {
      return { written, signedIn: false }; // expired or reused: the adapter has cleared the cookies
    }
  })();
  shared.set(key, { outcome, until: now + SHARE_RESULT_MS });
  outcome.finally(() => {
    const entry = shared.get(key);
    if (entry) entry.until = Date.now() + SHARE_RESULT_MS;
  });
  return outcome;
}
