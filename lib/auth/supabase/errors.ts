import 'server-only';
import {
  isAuthError,
  isAuthRetryableFetchError,
  isAuthWeakPasswordError,
  type AuthError,
} from '@supabase/supabase-js';
import { ApiError } from '@/lib/api/errors';

/**
 * Supabase Auth (GoTrue) errors → the contract's ApiError codes. GoTrue identifies errors by a
 * machine code (`error.code`, e.g. 'invalid_credentials'); older servers sent only the message, so
 * the few messages the app reacts to are matched too.
 */

export function isInvalidCredentials(error: AuthError): boolean {
  return error.code === 'invalid_credentials' || /invalid login credentials/i.test(error.message);
}

export function isEmailTaken(error: AuthError): boolean {
  return (
    error.code === 'user_already_exists' ||
    error.code === 'email_exists' ||
    /already registered|already exists/i.test(error.message)
  );
}

/** Outages: network failures and 5xx (auth-js reports both as AuthRetryableFetchError). */
export function isUnavailable(error: unknown): boolean {
  return isAuthRetryableFetchError(error) || (isAuthError(error) && (error.status ?? 0) >= 500);
}

export const unavailable = () =>
  new ApiError('SERVICE_UNAVAILABLE', 'The sign-in service is unavailable; try again in a moment');

/** Errors any call can hit, or null for the caller to decide. `passwordField` names the form field
 * a weak-password message belongs to. */
export function commonAuthError(error: unknown, passwordField = 'password'): ApiError | null {
  if (!isAuthError(error)) return null;
  if (isUnavailable(error)) return unavailable();
  if (isAuthWeakPasswordError(error) || error.code === 'weak_password') {
    return new ApiError('WEAK_PASSWORD', error.message, { [passwordField]: [error.message] });
  }
  if (error.code === 'same_password') {
    const message = 'Choose a password different from the current one';
    return new ApiError('WEAK_PASSWORD', message, { [passwordField]: [message] });
  }
  if (error.status === 429 || error.code?.startsWith('over_')) {
    // GoTrue does not say when to retry; its email and request windows are about a minute.
    return new ApiError('RATE_LIMITED', 'Too many attempts; try again in a minute', undefined, { 'Retry-After': '60' });
  }
  if (error.code === 'user_banned') return new ApiError('ACCOUNT_SUSPENDED', 'This account is suspended');
  if (error.code === 'email_not_confirmed') {
    return new ApiError('EMAIL_NOT_VERIFIED', 'Confirm your email address before signing in');
  }
  if (error.code === 'email_address_invalid' || error.code === 'email_address_not_authorized') {
    return new ApiError('VALIDATION_ERROR', 'This email address cannot be used', { email: [error.message] });
  }
  if (error.code === 'signup_disabled' || error.code === 'email_provider_disabled') {
    return new ApiError('FORBIDDEN', 'Sign-up is closed');
  }
  return null;
}

/** The mapped error, or the original one so the route logs it and answers 500 without internals. */
export function toApiError(error: unknown, passwordField?: string): unknown {
  return commonAuthError(error, passwordField) ?? error;
}
