import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient, WebSocketLikeConstructor } from '@supabase/supabase-js';

/**
 * The browser client, for client components ('use client'). No server-only imports, and no `ws`:
 * that package has no browser build.
 *
 * Configuration is read from literal `process.env.NEXT_PUBLIC_*` expressions rather than lib/env,
 * because Next.js inlines only those into the client bundle (process.env is empty in the browser).
 *
 * The session cookies are httpOnly (see config.ts), so this client does not see the signed-in
 * session: it is for anon-key work (public Realtime channels, public reads). Sign-in, sign-out and
 * anything as the user go through the API routes.
 */

/**
 * Realtime's transport, resolved only when a socket is opened. supabase-js ≥ 2.110 checks for a
 * WebSocket when the client is built; on Node 20 there is none, so a client component that creates
 * the client during its server render would throw (ARCHITECTURE §8). Deferring the lookup keeps
 * that render working; in the browser it is the native WebSocket. `new` on a function that returns
 * an object yields that object, which is how realtime-js constructs its transport.
 */
function nativeWebSocket(address: string | URL, protocols?: string | string[]): WebSocket {
  return new WebSocket(address, protocols);
}
const lazyTransport = nativeWebSocket as unknown as WebSocketLikeConstructor;

export function createSupabaseBrowserClient(): SupabaseClient {
  const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
  const anonKey = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  if (!url || !anonKey) {
    throw new Error('NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_ANON_KEY must be set to use Supabase in the browser.');
  }
  // In the browser @supabase/ssr reuses one client per page (isSingleton), which is right there:
  // a browser holds one user's session. On the server it builds a new one per call.
  return createBrowserClient(url, anonKey, { realtime: { transport: lazyTransport } });
}
