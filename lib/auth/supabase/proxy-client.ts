import 'server-only';
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { NextResponse, type NextRequest } from 'next/server';
import { jwtClaimsSchema, type JwtClaims } from '@/lib/db/claims';
import { nodeWebSocketTransport, sessionCookieOptions, supabaseConfig } from './config';

/**
 * The proxy.ts client, following @supabase/ssr's documented middleware pattern: cookies are read
 * from the incoming request; a refreshed session is written both onto the request (so the route
 * or page rendering this request sees the new tokens) and onto a fresh response (so the browser
 * stores them).
 */

/** Holds the response proxy() returns; setAll replaces it when the session changes. */
export interface ProxyResponseHolder {
  response: NextResponse;
}

/**
 * `forwardHeaders` are the request headers passed on to the route (proxy.ts adds x-request-id);
 * by default a copy of the request's. Their Cookie header is rewritten when the session changes.
 */
export function createSupabaseProxyClient(
  request: NextRequest,
  holder: ProxyResponseHolder,
  forwardHeaders: Headers = new Headers(request.headers),
): SupabaseClient {
  const { url, anonKey } = supabaseConfig();
  return createServerClient(url, anonKey, {
    cookieOptions: sessionCookieOptions(request.nextUrl.origin),
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (toSet, headers) => {
        for (const { name, value } of toSet) request.cookies.set(name, value);
        forwardHeaders.set('cookie', request.cookies.toString());
        holder.response = NextResponse.next({ request: { headers: forwardHeaders } });
        for (const { name, value, options } of toSet) holder.response.cookies.set(name, value, options);
        // no-store: a CDN must never cache a response that carries someone's session.
        for (const [key, value] of Object.entries(headers)) holder.response.headers.set(key, value);
      },
    },
    // Node 20 has no global WebSocket; supabase-js ≥ 2.110 throws without one (ARCHITECTURE §8).
    realtime: { transport: nodeWebSocketTransport },
  });
}

/**
 * Refreshes the Supabase session when its access token is (nearly) expired and returns the
 * verified claims. getClaims() loads the session from the cookies, refreshes it when it expires
 * within 90 seconds (writing the new cookies through setAll), then verifies the access token:
 * locally against the project's JWKS for asymmetric keys, or by asking GET /auth/v1/user for HS256.
 * Claims are null when there is no session, it cannot be refreshed, or the token is not an
 * `authenticated` user token. Return `response` from proxy() even then: it may clear cookies.
 */
export async function refreshSupabaseSessionInProxy(
  request: NextRequest,
  forwardHeaders: Headers = new Headers(request.headers),
): Promise<{ response: NextResponse; claims: JwtClaims | null }> {
  const holder: ProxyResponseHolder = { response: NextResponse.next({ request: { headers: forwardHeaders } }) };
  const supabase = createSupabaseProxyClient(request, holder, forwardHeaders);
  let claims: JwtClaims | null = null;
  try {
    const { data, error } = await supabase.auth.getClaims();
    const parsed = !error && data ? jwtClaimsSchema.safeParse(data.claims) : null;
    claims = parsed?.success ? parsed.data : null;
  } catch {
    // auth-js reports failures as values; anything thrown is unexpected. An outage at Supabase
    // must not take every page down with it: treat the request as signed out.
    claims = null;
  }
  return { response: holder.response, claims };
}
