import { z } from 'zod';
import { timeZoneSchema } from '@/lib/streaks/time-zones';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * Auth input schemas: the API routes, the forms and the tests all validate through these, so a
 * rule (password length, email shape) changes in one place.
 */

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .min(1, 'Email is required')
  .max(255, 'Email is too long')
  .email('Enter a valid email address')
  .transform((v) => v.toLowerCase());

export const newPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, 'Use at most 72 bytes')
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), 'This password is too common; choose another');

/** Login takes any non-empty password: the policy applies when one is set, not when it is used. */
const existingPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(1, 'Password is required')
  .max(1024, 'Password is too long');

export const fullNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(255, 'Name is too long');

const tokenSchema = z
  .string({ error: 'Token is required' })
  .trim()
  .min(16, 'The link is incomplete')
  .max(512, 'The link is malformed');

export const registerSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  fullName: fullNameSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: existingPasswordSchema,
});

export const refreshSchema = z.object({
  refreshToken: z.string().min(16).max(512).optional(),
});

export const logoutSchema = z.object({
  allDevices: z.boolean().optional(),
});

export const verifyEmailSchema = z.object({ token: tokenSchema });
export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: tokenSchema, password: newPasswordSchema });

export const changePasswordSchema = z
  .object({ currentPassword: existingPasswordSchema, newPassword: newPasswordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });

/**
 * PATCH /api/auth/me: any of the learner's own editable fields. The settings forms each send their
 * own part (the profile form always sends `fullName`, so an empty name is still refused); a body
 * with none of them is refused too.
 */
export const updateProfileSchema = z
  .object({
    fullName: fullNameSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    leaderboardOptIn: z.boolean({ error: 'leaderboardOptIn must be true or false' }).optional(),
  })
  .refine((v) => v.fullName !== undefined || v.timeZone !== undefined || v.leaderboardOptIn !== undefined, {
    message: 'Send at least one of fullName, timeZone or leaderboardOptIn',
  });
export type UpdateProfileBody = z.infer<typeof updateProfileSchema>;
export const deleteAccountSchema = z.object({ password: existingPasswordSchema });

export type RegisterBody = z.infer<typeof registerSchema>;
export type LoginBody = z.infer<typeof loginSchema>;
