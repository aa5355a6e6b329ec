import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { ACCESS_COOKIE, readCookie } from './cookies';
import { authAdapter } from './index';
import { verifyAccessToken } from './jwt';
import { loadSession } from './load-session-user';
import type { JwtClaims } from '@/lib/db';
import type { CookieJar, Session } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bearer token of a request, when it sends `Authorization: Bearer …`. */
export function bearerTokenOf(headers: Headers): string | null | undefined {
  const header = headers.get('authorization');
  if (header === null) return undefined;
  return /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim())?.[1] ?? null;
}

/*
 * Access tokens this process has already verified, with their claims. A learner sends the same
 * token with every request for up to 15 minutes; checking it (HMAC, claims, shape) is done once,
 * and every request with that token then carries the same claims object, which the database layer
 * also checks only once (checkedClaims in lib/db/claims.ts). Only the signature check is
 * remembered: expiry is checked again on every hit, and the session family (revocation) on every
 * request by loadSession. Bounded; oldest entries go first.
 */
const MAX_REMEMBERED_TOKENS = 10_000;
const tokenMemo = globalThis as typeof globalThis & { __workfreeVerifiedTokens?: Map<string, JwtClaims> };

/** verifyAccessToken (lib/auth/jwt), remembering valid tokens until they expire. */
export async function verifyAccessTokenRemembered(token: string): Promise<JwtClaims | null> {
  const remembered = (tokenMemo.__workfreeVerifiedTokens ??= new Map());
  const known = remembered.get(token);
  if (known) {
    if ((known.exp ?? 0) * 1000 > Date.now()) return known;
    remembered.delete(token);
  }
  const claims = await verifyAccessToken(token);
  if (claims?.exp) {
    if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, claims);
  }
  return claims;
}

/** Who a request says it is, verified: the token's claims and, under built-in auth, its session family. */
export interface Caller {
  claims: JwtClaims;
  sessionFamily?: string;
}

/**
 * The verified caller of a request, before any database read: a bearer token when the request
 * sends one (API clients), else the session cookies (the browser). A malformed Authorization
 * header counts as signed out rather than falling back to cookies. loadSession then checks the
 * account and the session family.
 */
export async function resolveCaller(headers: Headers, jar: CookieJar): Promise<Caller | null> {
  const adapter = await authAdapter();
  const bearer = bearerTokenOf(headers);
  if (bearer === null) return null;
  if (adapter.name === 'built-in') {
    // What the adapter's verifyAccessToken does, in one transaction instead of two: the token's
    // signature and expiry here, its session family's revocation with the profile read.
    const token = bearer ?? readCookie(jar, ACCESS_COOKIE);
    const claims = token ? await verifyAccessTokenRemembered(token) : null;
    return claims?.session_id && UUID.test(claims.session_id) ? { claims, sessionFamily: claims.session_id } : null;
  }
  const claims = bearer === undefined ? await adapter.claimsFromCookies(jar) : await adapter.verifyAccessToken(bearer);
  return claims ? { claims } : null;
}

/** The session of a request (resolveCaller, then the account read): null when signed out, revoked or suspended. */
export async function resolveSession(headers: Headers, jar: CookieJar): Promise<Session | null> {
  const caller = await resolveCaller(headers, jar);
  return caller ? loadSession(caller.claims, { sessionFamily: caller.sessionFamily }) : null;
}

/**
 * A CookieJar over next/headers' cookie store. Route handlers and server actions may write;
 * Server Components may not (Next throws), so pages use a read-only jar — the proxy has already
 * refreshed the session cookies before the page renders.
 */
export async function requestCookieJar(options: { readOnly?: boolean } = {}): Promise<CookieJar> {
  const store = await cookies();
  return {
    getAll: () => store.getAll().map(({ name, value }) => ({ name, value })),
    setAll: (list) => {
      if (options.readOnly) return;
      for (const { name, value, options: cookieOptions } of list) store.set(name, value, cookieOptions);
    },
  };
}

/** The session of the page being rendered (Server Components); resolved once per request. */
export const currentSession = cache(async (): Promise<Session | null> =>
  resolveSession(await headers(), await requestCookieJar({ readOnly: true })),
);
