import { authAdapter } from '@/lib/auth';
import { recordEvent } from '@/lib/analytics/record-event';
import { loadSession } from '@/lib/auth/load-session-user';
import { publicUser } from '@/lib/auth/public-user';
import { authRequestContext } from '@/lib/auth/request-context';
import { loginSchema } from '@/lib/auth/schemas';
import { ApiError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { isSuspended } from '@/lib/users/suspension';
import { rateLimit, rateLimitHeaders, resetRateLimit } from '@/lib/ratelimit';

/**
 * POST /api/auth/login {email, password} → {user, token, refreshToken}
 * Limited to 5 attempts per 15 minutes per account and IP; a successful sign-in clears the count.
 */
export const POST = route(async (request, { cookies }) => {
  const body = await parseJsonBody(request, loginSchema);
  const ctx = authRequestContext(request, cookies);
  const key = `${body.email}|${ctx.ip ?? 'unknown'}`;
  const limit = await rateLimit('login', key);
  if (!limit.success) {
    throw new ApiError(
      'RATE_LIMITED',
      `Too many sign-in attempts. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s).`,
      undefined,
      rateLimitHeaders(limit),
    );
  }
  const adapter = await authAdapter();
  const { userId, tokens } = await adapter.login(body, ctx);
  await resetRateLimit('login', key);
  await recordEvent({ name: 'login', userId });
  const claims = await adapter.verifyAccessToken(tokens.accessToken);
  const session = claims ? await loadSession(claims) : null;
  if (!session) {
    // The built-in adapter refuses suspended accounts itself; Supabase Auth does not know about
    // suspension, so the session it just opened is closed again here.
    if (await isSuspended(userId)) {
      await adapter.logout(null, ctx);
      throw new ApiError('ACCOUNT_SUSPENDED', 'This account is suspended; contact support if you think this is a mistake');
    }
    throw new ApiError('INTERNAL_ERROR', 'Signed in, but the profile could not be loaded');
  }
  return ok({
    user: publicUser(session.user),
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
  });
});
