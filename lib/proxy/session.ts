import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { builtInAuthAdapter } from '@/lib/auth/built-in/adapter';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/lib/auth/cookies';
import { verifyAccessToken } from '@/lib/auth/jwt';
import type { CookieJar } from '@/lib/auth/types';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/ratelimit/client-ip';

/** Refresh this long before the access token expires, so a page never renders with a dying token. */
const REFRESH_MARGIN_SECONDS = 60;

export interface ProxySession {
  response: NextResponse;
  signedIn: boolean;
}

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
    return { response, signedIn: Boolean(claims) };
  }

  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  const claims = access ? await verifyAccessToken(access) : null;
  const fresh = claims?.exp !== undefined && claims.exp - Math.floor(Date.now() / 1000) > REFRESH_MARGIN_SECONDS;
  if (claims && fresh) {
    return { response: NextResponse.next({ request: { headers: forwardHeaders } }), signedIn: true };
  }
  if (!request.cookies.get(REFRESH_COOKIE)?.value) {
    return { response: NextResponse.next({ request: { headers: forwardHeaders } }), signedIn: Boolean(claims) };
  }

  const written: Parameters<CookieJar['setAll']>[0] = [];
  const jar: CookieJar = {
    getAll: () => request.cookies.getAll(),
    setAll: (list) => {
      written.push(...list);
      for (const { name, value } of list) request.cookies.set(name, value);
    },
  };
  let signedIn = false;
  try {
    await builtInAuthAdapter.refresh(null, {
      cookies: jar,
      ip: clientIp(request.headers),
      userAgent: request.headers.get('user-agent'),
      origin: config.APP_URL ?? request.nextUrl.origin,
    });
    signedIn = true;
  } catch {
    signedIn = false; // expired or reused: the adapter has cleared the cookies
  }
  forwardHeaders.set('cookie', request.cookies.toString());
  const response = NextResponse.next({ request: { headers: forwardHeaders } });
  for (const { name, value, options } of written) response.cookies.set(name, value, options);
  return { response, signedIn };
}
