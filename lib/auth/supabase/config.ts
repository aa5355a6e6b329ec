import 'server-only';
import type { CookieOptions as SsrCookieOptions, CookieOptionsWithName } from '@supabase/ssr';
import type { WebSocketLikeConstructor } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { cookieIsSecure } from '@/lib/auth/cookies';
import type { CookieOptions } from '@/lib/auth/types';
import { ConfigError, env } from '@/lib/env';

/** The project URL and anon key, or a ConfigError naming what is missing (STYLE: no '' fallbacks). */
export function supabaseConfig(): { url: string; anonKey: string } {
  const { NEXT_PUBLIC_SUPABASE_URL: url, NEXT_PUBLIC_SUPABASE_ANON_KEY: anonKey } = env();
  if (!url) throw new ConfigError('NEXT_PUBLIC_SUPABASE_URL is missing: Supabase Auth needs the project URL.');
  if (!anonKey) throw new ConfigError('NEXT_PUBLIC_SUPABASE_ANON_KEY is missing: Supabase Auth needs the anon key.');
  return { url, anonKey };
}

/**
 * Options for the sb-* session cookies. @supabase/ssr defaults to httpOnly: false so that
 * createBrowserClient can read the session from document.cookie; WorkFree signs in through its
 * own API routes and never hands tokens to browser code, so the cookies are httpOnly (ARCHITECTURE
 * §4) and an XSS bug cannot read them. Secure follows the built-in adapter's rule. The server and
 * proxy clients must use the same options, or a refresh in the proxy would rewrite them.
 */
export function sessionCookieOptions(origin?: string): CookieOptionsWithName {
  const known = origin ?? env().APP_URL;
  const secure = known ? cookieIsSecure(known) : env().NODE_ENV === 'production';
  return { httpOnly: true, secure, sameSite: 'lax', path: '/' };
}

/** @supabase/ssr's cookie options (the `cookie` package's) narrowed to the port's CookieJar shape. */
export function toJarCookieOptions(options: SsrCookieOptions | undefined): CookieOptions | undefined {
  if (!options) return undefined;
  const { httpOnly, secure, path, maxAge, expires, domain } = options;
  const sameSite =
    options.sameSite === true ? 'strict' : options.sameSite === false ? undefined : options.sameSite;
  const out: CookieOptions = { httpOnly, secure, path, maxAge, expires, domain, sameSite };
  // Drop unset keys so jars that spread options (next/headers) do not receive explicit undefineds.
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as CookieOptions;
}

/**
 * Realtime's transport for every server-side client. supabase-js ≥ 2.110 builds its Realtime
 * client in the constructor and, on Node 20 (no global WebSocket), throws "native WebSocket not
 * found" without one (ARCHITECTURE §8); no socket is opened unless a channel is used.
 * The cast is type-only: ws implements the WebSocket interface realtime-js uses, but @types/ws
 * types its events as ws's own Event classes rather than the DOM's, which TypeScript cannot relate.
 */
export const nodeWebSocketTransport = WebSocket as unknown as WebSocketLikeConstructor;
