import type { CookieJar, CookieOptions, IssuedTokens } from './types';

/** The built-in adapter's session cookies (Supabase Auth writes its own sb-* cookies). */
export const ACCESS_COOKIE = 'wf_access';
export const REFRESH_COOKIE = 'wf_refresh';
export const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * Secure in production, except when served from this machine over plain http (next start for the
 * e2e suite), where a Secure cookie would never come back.
 */
export function cookieIsSecure(origin: string): boolean {
  const url = new URL(origin);
  if (url.protocol === 'https:') return true;
  return process.env.NODE_ENV === 'production' && !LOOPBACK.test(url.hostname);
}

function base(origin: string): CookieOptions {
  return { httpOnly: true, secure: cookieIsSecure(origin), sameSite: 'lax', path: '/' };
}

export function writeSessionCookies(jar: CookieJar, tokens: IssuedTokens, origin: string): void {
  const accessMaxAge = Math.max(0, tokens.expiresAt - Math.floor(Date.now() / 1000));
  jar.setAll([
    { name: ACCESS_COOKIE, value: tokens.accessToken, options: { ...base(origin), maxAge: accessMaxAge } },
    { name: REFRESH_COOKIE, value: tokens.refreshToken, options: { ...base(origin), maxAge: REFRESH_TTL_SECONDS } },
  ]);
}

export function clearSessionCookies(jar: CookieJar, origin: string): void {
  jar.setAll([
    { name: ACCESS_COOKIE, value: '', options: { ...base(origin), maxAge: 0 } },
    { name: REFRESH_COOKIE, value: '', options: { ...base(origin), maxAge: 0 } },
  ]);
}

export function readCookie(jar: CookieJar, name: string): string | null {
  return jar.getAll().find((c) => c.name === name)?.value || null;
}
