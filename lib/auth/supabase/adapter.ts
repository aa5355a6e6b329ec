import 'server-only';
import type { Session as SupabaseSession } from '@supabase/supabase-js';
import { ApiError } from '@/lib/api/errors';
import type { AuthAdapter, IssuedTokens, RequestContext } from '@/lib/auth/types';
import { jwtClaimsSchema } from '@/lib/db/claims';
import * as account from './account';
import { isEmailTaken, isInvalidCredentials, isUnavailable, toApiError, unavailable } from './errors';
import { createSupabaseServerClient } from './server-client';
import { verifySupabaseAccessToken } from './verify-token';

/**
 * The auth port on Supabase Auth (GoTrue) through @supabase/ssr. Each call builds a new
 * cookie-backed client for the request, which writes the sb-* session cookies through
 * ctx.cookies whenever the session changes (sign-in, refresh, verification, sign-out).
 * Emailed-link and password operations live in account.ts.
 */

const client = (ctx: RequestContext) => createSupabaseServerClient(ctx.cookies, ctx.origin);

function issued(session: SupabaseSession): IssuedTokens {
  return {
    accessToken: session.access_token,
    refreshToken: session.refresh_token,
    expiresAt: session.expires_at ?? Math.floor(Date.now() / 1000) + session.expires_in,
  };
}

const emailTaken = () =>
  new ApiError('EMAIL_TAKEN', 'An account with this email already exists', {
    email: ['An account with this email already exists'],
  });
const invalidCredentials = () => new ApiError('INVALID_CREDENTIALS', 'Email or password is incorrect');
const sessionExpired = () => new ApiError('SESSION_EXPIRED', 'Your session has ended; please sign in again');

export function supabaseAuthAdapter(): AuthAdapter {
  return {
    name: 'supabase',

    async register({ email, password, fullName }, ctx) {
      const { data, error } = await client(ctx).auth.signUp({
        email,
        password,
        options: { data: { full_name: fullName }, emailRedirectTo: `${ctx.origin}/verify-email` },
      });
      if (error) throw isEmailTaken(error) ? emailTaken() : toApiError(error, 'password');
      if (!data.user) throw new Error('Supabase sign-up returned neither a user nor an error');
      // With email confirmation on, GoTrue answers a sign-up for a taken address with a stand-in
      // user without identities instead of an error; the API contract answers 409 either way.
      if (data.user.identities?.length === 0) throw emailTaken();
      // No session when confirmation is required: the user signs in after clicking the link.
      return { userId: data.user.id, tokens: data.session ? issued(data.session) : null };
    },

    async login({ email, password }, ctx) {
      const { data, error } = await client(ctx).auth.signInWithPassword({ email, password });
      if (error) throw isInvalidCredentials(error) ? invalidCredentials() : toApiError(error);
      return { userId: data.user.id, tokens: issued(data.session) };
    },

    async refresh(refreshToken, ctx) {
      const auth = client(ctx).auth;
      // Without an argument auth-js takes the refresh token from the session cookies. Either
      // way the rotated session is written back to them.
      const { data, error } = refreshToken
        ? await auth.refreshSession({ refresh_token: refreshToken })
        : await auth.refreshSession();
      if (error && isUnavailable(error)) throw unavailable();
      if (error || !data.session || !data.user) throw sessionExpired();
      return { userId: data.user.id, tokens: issued(data.session) };
    },

    async logout(_session, ctx, options) {
      const auth = client(ctx).auth;
      if (!options?.allDevices) {
        // 'local' clears this device's cookies before revoking its refresh token, so a failed
        // revoke still signs the device out; the token then dies at its expiry.
        await auth.signOut({ scope: 'local' });
        return;
      }
      const { error } = await auth.signOut({ scope: 'global' });
      if (error) {
        // Still sign this device out, but report it: the user asked for every device.
        await auth.signOut({ scope: 'local' });
        throw toApiError(error);
      }
    },

    verifyAccessToken: verifySupabaseAccessToken,

    async claimsFromCookies(cookies) {
      // getClaims() may refresh a session that expires within 90 s. proxy.ts refreshes first, so
      // pages (whose jars cannot write) normally find a fresh token here.
      try {
        const { data, error } = await createSupabaseServerClient(cookies).auth.getClaims();
        const parsed = !error && data ? jwtClaimsSchema.safeParse(data.claims) : null;
        return parsed?.success ? parsed.data : null;
      } catch {
        return null;
      }
    },

    verifyEmail: account.verifyEmail,
    resendVerification: account.resendVerification,
    requestPasswordReset: account.requestPasswordReset,
    resetPassword: account.resetPassword,
    changePassword: account.changePassword,
    deleteAccount: account.deleteAccount,
  };
}
