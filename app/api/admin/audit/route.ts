import { ApiError } from '@/lib/api/errors';
import { parseSearchParams } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';
import { listAuditEntries } from '@/lib/audit/queries';
import { auditFiltersSchema } from '@/lib/audit/schemas';

/**
 * GET /api/admin/audit?actor&action&targetType&targetId&from&to&cursor&limit → {entries, nextCursor}.
 * The super_admin role itself is required — no admin permission opens it (RLS agrees).
 */
export const GET = withUser(async (request, { session }) => {
  if (session.user.role !== 'super_admin') throw new ApiError('FORBIDDEN', 'The audit log is for super admins');
  const filters = parseSearchParams(request.nextUrl, auditFiltersSchema);
  return ok({ ...(await listAuditEntries(session, filters)) });
});
