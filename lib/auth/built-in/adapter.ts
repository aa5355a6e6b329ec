import 'server-only';
import { asService } from '@/lib/db';
import { promoteBootstrapSuperAdmin } from '@/lib/users/bootstrap-super-admin';
import { ApiError } from '@/lib/api/errors';
import { deleteStripeCustomer } from '@/lib/billing/delete-customer';
import { createAuthUser } from '@/lib/users/create-auth-user';
import { sendMail } from '@/lib/mail';
import { passwordResetEmail, verificationEmail } from '@/lib/mail/templates';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearSessionCookies, readCookie, writeSessionCookies } from '../cookies';
import { signAccessToken, verifyAccessToken } from '../jwt';
import { hashPassword, verifyPassword } from '../password';
import type { AuthAdapter, IssuedTokens, RequestContext } from '../types';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens';
import { familyOf, isFamilyActive, revokeAllFamilies, revokeFamily, rotate, startFamily } from './refresh-tokens';
import { confirmEmail, deleteAuthUser, findAuthUser, recordSignIn, setPasswordHash, type AuthUserRecord } from './users';

const invalidCredentials = () => new ApiError('INVALID_CREDENTIALS', 'Email or password is incorrect');
const sessionExpired = () => new ApiError('SESSION_EXPIRED', 'Your session has ended; please sign in again');
const accountSuspended = () => new ApiError('ACCOUNT_SUSPENDED', 'This account is suspended; contact support if you think this is a mistake');
const isUniqueViolation = (e: unknown) => (e as { code?: string; cause?: { code?: string } })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

async function tokensFor(user: AuthUserRecord, familyId: string, refreshToken: string): Promise<IssuedTokens> {
  const { token, expiresAt } = await signAccessToken({
    sub: user.id,
    email: user.email,
    session_id: familyId,
    app_metadata: { role: user.role, tier: user.tier, provider: 'email' },
    user_metadata: { full_name: user.fullName },
  });
  return { accessToken: token, refreshToken, expiresAt };
}

const linkTo = (ctx: RequestContext, path: string, token: string) =>
  `${ctx.origin}${path}?token=${encodeURIComponent(token)}`;

async function sendVerification(ctx: RequestContext, user: { email: string; fullName: string | null }, token: string) {
  await sendMail({ to: user.email, ...verificationEmail({ name: user.fullName ?? '', link: linkTo(ctx, '/verify-email', token) }) });
}

/**
 * The embedded-default auth adapter: users in auth.users (bcrypt, 12 rounds), HS256 access tokens
 * in Supabase's claim shape, and rotating refresh-token families with reuse detection.
 */
export const builtInAuthAdapter: AuthAdapter = {
  name: 'built-in',

  async register(input, ctx) {
    const encryptedPassword = await hashPassword(input.password);
    const client = { ip: ctx.ip, userAgent: ctx.userAgent };
    let created: { user: AuthUserRecord; tokens: IssuedTokens; verifyToken: string };
    try {
      created = await asService('auth-register', async (tx) => {
        const id = await createAuthUser(tx, { email: input.email, fullName: input.fullName, encryptedPassword });
        const user = (await findAuthUser(tx, { id }))!;
        const verifyToken = await issueOneTimeToken(tx, id, 'verify_email');
        const family = await startFamily(tx, id, client);
        await recordSignIn(tx, id);
        return { user, verifyToken, tokens: await tokensFor(user, family.familyId, family.token) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiError('EMAIL_TAKEN', 'An account with this email already exists', {
          email: ['An account with this email already exists'],
        });
      }
      throw error;
    }
    await sendVerification(ctx, created.user, created.verifyToken);
    writeSessionCookies(ctx.cookies, created.tokens, ctx.origin);
    return { userId: created.user.id, tokens: created.tokens };
  },

  async login(input, ctx) {
    const user = await asService('auth-login-lookup', (tx) => findAuthUser(tx, { email: input.email }));
    // verifyPassword burns the same bcrypt time when the user does not exist.
    if (!(await verifyPassword(input.password, user?.encryptedPassword)) || !user) throw invalidCredentials();
    // Said only after the password matched, so it reveals nothing to someone guessing.
    if (user.suspended) throw accountSuspended();
    const tokens = await asService('auth-login', async (tx) => {
      const family = await startFamily(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
      await recordSignIn(tx, user.id);
      return tokensFor(user, family.familyId, family.token);
    });
    writeSessionCookies(ctx.cookies, tokens, ctx.origin);
    return { userId: user.id, tokens };
  },

  async refresh(refreshToken, ctx) {
    const token = refreshToken ?? readCookie(ctx.cookies, REFRESH_COOKIE);
    if (!token) throw sessionExpired();
    const result = await asService('auth-refresh', async (tx) => {
      const rotated = await rotate(tx, token, { ip: ctx.ip, userAgent: ctx.userAgent });
      if (rotated.kind !== 'rotated') return rotated;
      const user = await findAuthUser(tx, { id: rotated.userId });
      if (!user || user.suspended) return { kind: 'invalid' as const };
      return { kind: 'ok' as const, user, tokens: await tokensFor(user, rotated.familyId, rotated.token) };
    });
    if (result.kind === 'reused') {
      // A consumed token came back: someone holds a copy. End the whole family, in its own
      // transaction so the revocation is committed even though this request fails.
      await asService('auth-refresh-reuse', (tx) => revokeFamily(tx, result.familyId, 'reuse_detected'));
    }
    if (result.kind !== 'ok') {
      clearSessionCookies(ctx.cookies, ctx.origin);
      throw sessionExpired();
    }
    writeSessionCookies(ctx.cookies, result.tokens, ctx.origin);
    return { userId: result.user.id, tokens: result.tokens };
  },

  async logout(session, ctx, options) {
    const refreshToken = readCookie(ctx.cookies, REFRESH_COOKIE);
    await asService('auth-logout', async (tx) => {
      if (session && options?.allDevices) {
        await revokeAllFamilies(tx, session.user.id, 'logout_all');
        return;
      }
      if (session?.claims.session_id) await revokeFamily(tx, session.claims.session_id, 'logout');
      const family = refreshToken ? await familyOf(tx, refreshToken) : null;
      if (family) await revokeFamily(tx, family, 'logout');
    });
    clearSessionCookies(ctx.cookies, ctx.origin);
  },

  async verifyAccessToken(token) {
    const claims = await verifyAccessToken(token);
    if (!claims) return null;
    // Logout, "sign out everywhere", password resets and reuse detection revoke the family: the
    // access token dies with it rather than living out its 15 minutes.
    if (!claims.session_id) return null;
    const active = await asService('auth-session-check', (tx) => isFamilyActive(tx, claims.session_id!));
    return active ? claims : null;
  },

  async claimsFromCookies(cookies) {
    const token = readCookie(cookies, ACCESS_COOKIE);
    return token ? this.verifyAccessToken(token) : null;
  },

  async verifyEmail(token) {
    const userId = await asService('auth-verify-email', async (tx) => {
      const id = await consumeOneTimeToken(tx, token, 'verify_email');
      if (id) {
        await confirmEmail(tx, id);
        await promoteBootstrapSuperAdmin(tx, id);
      }
      return id;
    });
    if (!userId) throw new ApiError('INVALID_TOKEN', 'This verification link is invalid or has expired', { token: ['Invalid or expired link'] });
  },

  async resendVerification(session, ctx) {
    if (session.user.emailVerified) return;
    const token = await asService('auth-resend-verification', (tx) => issueOneTimeToken(tx, session.user.id, 'verify_email'));
    await sendVerification(ctx, session.user, token);
  },

  async requestPasswordReset(email, ctx) {
    const issued = await asService('auth-forgot-password', async (tx) => {
      const user = await findAuthUser(tx, { email });
      return user ? { user, token: await issueOneTimeToken(tx, user.id, 'reset_password') } : null;
    });
    if (!issued) return;
    await sendMail({
      to: issued.user.email,
      ...passwordResetEmail({ name: issued.user.fullName ?? '', link: linkTo(ctx, '/reset-password', issued.token) }),
    });
  },

  async resetPassword(token, newPassword, ctx) {
    const hash = await hashPassword(newPassword);
    const userId = await asService('auth-reset-password', async (tx) => {
      const id = await consumeOneTimeToken(tx, token, 'reset_password');
      if (!id) return null;
      await setPasswordHash(tx, id, hash);
      // Whoever knew the old password loses every session; the email link proves the mailbox.
      await revokeAllFamilies(tx, id, 'password_reset');
      await confirmEmail(tx, id);
      return id;
    });
    if (!userId) throw new ApiError('INVALID_TOKEN', 'This reset link is invalid or has expired', { token: ['Invalid or expired link'] });
    clearSessionCookies(ctx.cookies, ctx.origin);
  },

  async changePassword(session, currentPassword, newPassword) {
    const user = await asService('auth-change-password-lookup', (tx) => findAuthUser(tx, { id: session.user.id }));
    if (!(await verifyPassword(currentPassword, user?.encryptedPassword))) {
      throw new ApiError('INVALID_CREDENTIALS', 'The current password is incorrect', {
        currentPassword: ['The current password is incorrect'],
      });
    }
    const hash = await hashPassword(newPassword);
    await asService('auth-change-password', async (tx) => {
      await setPasswordHash(tx, session.user.id, hash);
      await revokeAllFamilies(tx, session.user.id, 'password_changed', session.claims.session_id);
    });
  },

  async deleteAccount(session, password, ctx) {
    const user = await asService('auth-delete-account-lookup', (tx) => findAuthUser(tx, { id: session.user.id }));
    if (!(await verifyPassword(password, user?.encryptedPassword))) {
      throw new ApiError('INVALID_CREDENTIALS', 'The password is incorrect', { password: ['The password is incorrect'] });
    }
    await deleteStripeCustomer(session.user.id);
    await asService('auth-delete-account', (tx) => deleteAuthUser(tx, session.user.id));
    clearSessionCookies(ctx.cookies, ctx.origin);
  },
};

