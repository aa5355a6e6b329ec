import { z } from 'zod';
import { ADMIN_PERMISSIONS } from '@/lib/auth/permissions';
import { APP_ROLES, type AppRole } from '@/lib/db/claims';

/** The app's roles, for the admin forms and filters (components do not import lib/db). */
export const ROLES: readonly AppRole[] = APP_ROLES;
export type { AppRole };

/**
 * Inputs of the user-management area: the API routes, the admin forms and the tests all validate
 * through these. Page size and the deepest page are bounded so an offset never scans far.
 */

export const USER_PAGE_SIZE = 25;
export const USER_MAX_PAGE = 400;
export const USER_SORTS = ['created', 'last_login'] as const;
export const USER_STATUSES = ['active', 'suspended'] as const;

export const userListParamsSchema = z.object({
  /** Part of the email or the name. */
  q: z.string().trim().min(1).max(100).optional(),
  role: z.enum(APP_ROLES).optional(),
  tier: z.enum(['free', 'premium']).optional(),
  status: z.enum(USER_STATUSES).optional(),
  sort: z.enum(USER_SORTS).default('created'),
  page: z.coerce.number().int().min(1).max(USER_MAX_PAGE).default(1),
});
export type UserListParams = z.infer<typeof userListParamsSchema>;

/** For pages: a malformed filter in the URL falls back to "no filter" instead of an error page. */
export function userListParamsFromSearch(search: Record<string, string | string[] | undefined>): UserListParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const pick = <K extends keyof UserListParams>(key: K): UserListParams[K] | undefined => {
    const parsed = userListParamsSchema.shape[key].safeParse(first(search[key]));
    return parsed.success ? (parsed.data as UserListParams[K]) : undefined;
  };
  return { q: pick('q'), role: pick('role'), tier: pick('tier'), status: pick('status'), sort: pick('sort') ?? 'created', page: pick('page') ?? 1 };
}

/** The list's URL with `params`, defaults dropped so links stay short. */
export function userListHref(params: Partial<UserListParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.role) query.set('role', params.role);
  if (params.tier) query.set('tier', params.tier);
  if (params.status) query.set('status', params.status);
  if (params.sort && params.sort !== 'created') query.set('sort', params.sort);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/admin/users?${text}` : '/admin/users';
}

export const userIdSchema = z.string().uuid('Not a user id');

/** PATCH /api/admin/users/:id/role */
export const changeRoleSchema = z.object({
  role: z.enum(APP_ROLES, { error: `Choose one of: ${APP_ROLES.join(', ')}` }),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** PATCH /api/admin/users/:id/permissions — null gives the admin every admin permission. */
export const setPermissionsSchema = z.object({
  adminPermissions: z
    .array(z.enum(ADMIN_PERMISSIONS, { error: `Use only: ${ADMIN_PERMISSIONS.join(', ')}` }))
    .max(ADMIN_PERMISSIONS.length)
    .refine((list) => new Set(list).size === list.length, 'List each permission once')
    .nullable(),
});
export type SetPermissionsInput = z.infer<typeof setPermissionsSchema>;

export const SUSPEND_REASON_MAX = 500;

/** POST /api/admin/users/:id/suspend — the reason is shown to other admins and kept in the log. */
export const suspendSchema = z.object({
  reason: z
    .string({ error: 'Give a reason' })
    .trim()
    .min(3, 'Give a reason (at least 3 characters)')
    .max(SUSPEND_REASON_MAX, `Keep the reason under ${SUSPEND_REASON_MAX} characters`),
});
export type SuspendInput = z.infer<typeof suspendSchema>;

/** GET /api/admin/users/:id/xp?cursor — an opaque keyset cursor from the previous page. */
export const xpPageParamsSchema = z.object({
  cursor: z.string().max(200).optional(),
});
