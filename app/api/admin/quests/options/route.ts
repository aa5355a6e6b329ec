import { ApiError } from '@/lib/api/errors';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { can } from '@/lib/auth/permissions';
import { questOptions } from '@/lib/admin/quests/queries';

/**
 * GET /api/admin/quests/options → {quests: [{id, slug, title, status}], categories}
 * For the editor's prerequisites picker and category suggestions: whoever may create or edit.
 */
export const GET = withUser(async (_request, { session }) => {
  if (!can(session.user, 'update:quests') && !can(session.user, 'create:quests')) {
    throw new ApiError('FORBIDDEN', 'This needs the create:quests or update:quests permission');
  }
  return ok({ ...(await questOptions(session)) });
});
