import 'server-only';
import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { CookieJar } from '@/lib/auth/types';
import { nodeWebSocketTransport, sessionCookieOptions, supabaseConfig, toJarCookieOptions } from './config';

/**
 * Supabase clients for server code (route handlers, server components, server actions). Each
 * sets `realtime.transport` (Node 20 has no global WebSocket; see config.ts, ARCHITECTURE §8).
 */

/**
 * A new cookie-backed client for one request. @supabase/ssr reads the session from the sb-* cookies
 * in `cookies` and writes them back through `setAll` when a sign-in, refresh, update or sign-out
 * changes the session. Never share one between requests: it caches the session it loaded.
 * (ssr forces flowType 'pkce', autoRefreshToken off and lazy initialization on server clients.)
 * `origin` decides the Secure flag the way the built-in adapter does.
 */
export function createSupabaseServerClient(cookies: CookieJar, origin?: string): SupabaseClient {
  const { url, anonKey } = supabaseConfig();
  return createServerClient(url, anonKey, {
    cookieOptions: sessionCookieOptions(origin),
    cookies: {
      getAll: () => cookies.getAll(),
      // The second argument (no-store cache headers) has no place in CookieJar; the proxy client
      // sets them, and auth routes answer no-store themselves.
      setAll: (toSet) =>
        cookies.setAll(toSet.map(({ name, value, options }) => ({ name, value, options: toJarCookieOptions(options) }))),
    },
    realtime: { transport: nodeWebSocketTransport },
  });
}

/**
 * A new client with no cookies: its session, if any, lives in memory and dies with it. Used to
 * check a password (changePassword, deleteAccount) and to redeem a recovery link without touching
 * the caller's cookie session, and to verify access tokens.
 */
export function createSupabaseStatelessClient(): SupabaseClient {
  const { url, anonKey } = supabaseConfig();
  return createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: nodeWebSocketTransport },
  });
}
