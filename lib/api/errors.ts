import type { z } from 'zod';

/**
 * The one error type routes throw. Each code has one HTTP status; the body is always
 * `{ success: false, error: { code, message, fields? } }` (ARCHITECTURE §5).
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_TOKEN: 400,
  INVALID_SIGNATURE: 400,
  WEAK_PASSWORD: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  EMAIL_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  ACCOUNT_SUSPENDED: 403,
  PREMIUM_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  PREREQUISITES_UNMET: 409,
  STEP_LOCKED: 409,
  STEP_NOT_DONE: 409,
  QUEST_UNAVAILABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  RATE_LIMIT_UNAVAILABLE: 503,
  BILLING_NOT_CONFIGURED: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → messages, as forms show them next to each input. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }
}

/** Zod issues → `fields`, keyed by the dotted path of the offending input. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_root';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: z.ZodError, what = 'request'): ApiError {
  const fields = fieldErrorsOf(error);
  const names = Object.keys(fields).filter((k) => k !== '_root');
  const message = names.length ? `Invalid ${what}: check ${names.join(', ')}` : `Invalid ${what}`;
  return new ApiError('VALIDATION_ERROR', message, fields);
}
