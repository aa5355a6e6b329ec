import type { AppRole, JwtClaims } from '@/lib/db/claims';

/** The signed-in user as the app sees them, whichever auth adapter signed them in. */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string | null;
  role: AppRole;
  tier: 'free' | 'premium';
  emailVerified: boolean;
  /** IANA time zone where a learning day starts and ends. Always set by loadSession; optional so
   * sessions built by hand (tests, adapters) stay valid. */
  timeZone?: string;
  /** Whether the learner appears on the weekly leaderboard. Always set by loadSession. */
  leaderboardOptIn?: boolean;
  /** An admin's permission list when a super_admin narrowed it (null/absent = all of the role's). */
  adminPermissions?: string[] | null;
}

/** A verified request session: the claims go to asUser(), the user to the UI and permission checks. */
export interface Session {
  user: SessionUser;
  claims: JwtClaims;
}

/** Tokens issued at sign-in or refresh. `expiresAt` is the access token's expiry in epoch seconds. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** Read/write access to the request's cookies (next/headers cookies() or a proxy request/response pair). */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
  setAll(cookies: { name: string; value: string; options?: CookieOptions }[]): void;
}

export interface CookieOptions {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  path?: string;
  maxAge?: number;
  expires?: Date;
  domain?: string;
}

/** Who is asking: used for rate-limit keys, refresh-token records and links in emails. */
export interface RequestContext {
  cookies: CookieJar;
  ip: string | null;
  userAgent: string | null;
  /** The app's public origin (e.g. https://workfree.app), for links in emails. */
  origin: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  fullName: string;
}

/**
 * The auth port. Two adapters implement it: the built-in one (embedded default, users in
 * auth.users, our own JWTs and refresh-token families) and Supabase Auth (@supabase/ssr). Both
 * produce JWTs with Supabase's claim shape, so RLS and asUser() do not care which signed a user in.
 * Every method that starts or ends a session also writes the session cookies through `ctx.cookies`.
 * Failures throw ApiError with the contract's codes.
 */
export interface AuthAdapter {
  readonly name: 'built-in' | 'supabase';
  /** Creates the account and sends the verification email. Tokens are null when the provider
   * requires email confirmation before the first sign-in. */
  register(input: RegisterInput, ctx: RequestContext): Promise<{ userId: string; tokens: IssuedTokens | null }>;
  login(input: { email: string; password: string }, ctx: RequestContext): Promise<{ userId: string; tokens: IssuedTokens }>;
  /** Rotates the refresh token (from the argument, or the cookie when omitted). */
  refresh(refreshToken: string | null, ctx: RequestContext): Promise<{ userId: string; tokens: IssuedTokens }>;
  /** Ends this session, or every session of the user with `allDevices`; clears the cookies. */
  logout(session: Session | null, ctx: RequestContext, options?: { allDevices?: boolean }): Promise<void>;
  /** Verifies an access token's signature and expiry; null when it is not valid. */
  verifyAccessToken(token: string): Promise<JwtClaims | null>;
  /** The verified claims of the session carried in the request's cookies, if any. */
  claimsFromCookies(cookies: CookieJar): Promise<JwtClaims | null>;
  verifyEmail(token: string, ctx: RequestContext): Promise<void>;
  /** Sends a fresh verification link to a signed-in user whose email is not verified yet. */
  resendVerification(session: Session, ctx: RequestContext): Promise<void>;
  /** Always resolves the same way whether or not the email exists (no account enumeration). */
  requestPasswordReset(email: string, ctx: RequestContext): Promise<void>;
  resetPassword(token: string, newPassword: string, ctx: RequestContext): Promise<void>;
  changePassword(session: Session, currentPassword: string, newPassword: string, ctx: RequestContext): Promise<void>;
  deleteAccount(session: Session, password: string, ctx: RequestContext): Promise<void>;
}
