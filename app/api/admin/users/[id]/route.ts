import { userIdParam, userNotFound } from '@/lib/admin/users/act-on-user';
import { getUserDetail } from '@/lib/admin/users/user-detail';
import { ok } from '@/lib/api/respond';
import { withPermission } from '@/lib/api/route';

/**
 * GET /api/admin/users/:id → {user: {profile, level, stats, streak, progress, achievements,
 * subscription, xp, audit}} (manage:users; `audit` only for super admins).
 */
export const GET = withPermission<{ id: string }>('manage:users', async (_request, { session, params }) => {
  const detail = await getUserDetail(session, await userIdParam(params));
  if (!detail) throw userNotFound();
  return ok({ user: detail });
});
