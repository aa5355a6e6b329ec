import 'server-only';
import type { AuthError, SupabaseClient } from '@supabase/supabase-js';
import { ApiError } from '@/lib/api/errors';
import { deleteStripeCustomer } from '@/lib/billing/delete-customer';
import type { RequestContext, Session } from '@/lib/auth/types';
import { createSupabaseAdminClient, supabaseAdminConfigured } from './admin-client';
import { isInvalidCredentials, isUnavailable, toApiError, unavailable } from './errors';
import { createSupabaseServerClient, createSupabaseStatelessClient } from './server-client';

/**
 * The Supabase adapter's emailed-link and password operations. They mirror the built-in adapter's
 * session rules: a password reset ends every session, a password change every other session.
 *
 * Supabase sends the mails. Its "Confirm signup" and "Reset password" templates must link to
 * `{{ .RedirectTo }}?token_hash={{ .TokenHash }}`, so /verify-email and /reset-password receive the
 * token hash that verifyEmail / resetPassword redeem with POST /verify.
 */

const client = (ctx: RequestContext) => createSupabaseServerClient(ctx.cookies, ctx.origin);

const wrongPassword = (field: string) =>
  new ApiError('INVALID_CREDENTIALS', 'The password is incorrect', { [field]: ['The password is incorrect'] });

/** A rejected email link: outages and rate limits keep their own codes; anything else is a bad link. */
function linkError(error: AuthError): ApiError {
  const mapped = toApiError(error);
  if (mapped instanceof ApiError && (mapped.code === 'SERVICE_UNAVAILABLE' || mapped.code === 'RATE_LIMITED')) return mapped;
  return new ApiError('INVALID_TOKEN', 'This link is invalid or has expired', { token: ['Invalid or expired link'] });
}

/** Ends a stateless client's session at Supabase. Best effort: it would expire on its own. */
async function revoke(stateless: SupabaseClient): Promise<void> {
  await stateless.auth.signOut({ scope: 'local' }).catch(() => undefined);
}

/**
 * Proves the user knows their password by signing in on a stateless client, leaving the caller's
 * cookie session as it is. The fresh session also satisfies Supabase's "secure password change"
 * setting, which wants a recent sign-in before a password update.
 */
async function reauthenticate(session: Session, password: string, field: string): Promise<SupabaseClient> {
  const stateless = createSupabaseStatelessClient();
  const { data, error } = await stateless.auth.signInWithPassword({ email: session.user.email, password });
  if (error) throw isInvalidCredentials(error) ? wrongPassword(field) : toApiError(error);
  if (data.user.id !== session.user.id) {
    // The address signs in someone else (the user changed email meanwhile): not their password.
    await revoke(stateless);
    throw wrongPassword(field);
  }
  return stateless;
}

export async function verifyEmail(token: string, ctx: RequestContext): Promise<void> {
  // GoTrue answers with a session, so the user ends signed in; ssr writes the cookies.
  const { error } = await client(ctx).auth.verifyOtp({ token_hash: token, type: 'email' });
  if (error) throw linkError(error);
}

export async function resendVerification(session: Session, ctx: RequestContext): Promise<void> {
  if (session.user.emailVerified) return;
  const { error } = await client(ctx).auth.resend({
    type: 'signup',
    email: session.user.email,
    options: { emailRedirectTo: `${ctx.origin}/verify-email` },
  });
  if (error) throw toApiError(error);
}

export async function requestPasswordReset(email: string, ctx: RequestContext): Promise<void> {
  const { error } = await client(ctx).auth.resetPasswordForEmail(email, { redirectTo: `${ctx.origin}/reset-password` });
  // Only an outage is reported. Any refusal (unknown address, that address's send limit, an
  // address GoTrue will not mail) is swallowed: answering differently would reveal accounts.
  if (error && isUnavailable(error)) throw unavailable();
}

export async function resetPassword(token: string, newPassword: string, ctx: RequestContext): Promise<void> {
  // Redeemed on a stateless client: the recovery session exists only to set the password.
  const recovery = createSupabaseStatelessClient();
  const { error } = await recovery.auth.verifyOtp({ token_hash: token, type: 'recovery' });
  if (error) throw linkError(error);
  const { error: updateError } = await recovery.auth.updateUser({ password: newPassword });
  if (updateError) {
    await revoke(recovery);
    throw toApiError(updateError, 'password');
  }
  // Whoever knew the old password loses every session (the recovery one included), as with the
  // built-in adapter. Best effort: the password has changed either way.
  await recovery.auth.signOut({ scope: 'global' }).catch(() => undefined);
  // This device's cookies (if it was signed in) now name a revoked session: clear them.
  await client(ctx).auth.signOut({ scope: 'local' });
}

export async function changePassword(
  session: Session,
  currentPassword: string,
  newPassword: string,
  ctx: RequestContext,
): Promise<void> {
  const stateless = await reauthenticate(session, currentPassword, 'currentPassword');
  try {
    const { error } = await stateless.auth.updateUser({ password: newPassword });
    if (error) throw toApiError(error, 'newPassword');
    // Every other session ends, as with the built-in adapter; this device's cookie session stays.
    // Without a cookie session (a bearer-token client) there is nothing to keep or revoke from.
    await client(ctx).auth.signOut({ scope: 'others' });
  } finally {
    await revoke(stateless);
  }
}

export async function deleteAccount(session: Session, password: string, ctx: RequestContext): Promise<void> {
  // Checked first, so a missing key costs the user neither a password check nor a session.
  if (!supabaseAdminConfigured()) {
    throw new ApiError('SERVICE_UNAVAILABLE', 'Account deletion needs SUPABASE_SERVICE_ROLE_KEY');
  }
  const stateless = await reauthenticate(session, password, 'password');
  await deleteStripeCustomer(session.user.id).catch(async (stripeError: unknown) => {
    await revoke(stateless);
    throw stripeError;
  });
  const { error } = await createSupabaseAdminClient().auth.admin.deleteUser(session.user.id);
  // Already gone (a double submit) is what the user asked for.
  if (error && error.code !== 'user_not_found') {
    await revoke(stateless);
    throw toApiError(error);
  }
  // Deleting the user ended its sessions; this clears the cookies. GoTrue answers the revoke for
  // a deleted user with 403/404, which auth-js takes as already signed out.
  await client(ctx).auth.signOut({ scope: 'local' });
}
