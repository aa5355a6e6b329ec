import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { changePasswordSchema } from '@/lib/auth/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';

/** POST /api/auth/change-password {currentPassword, newPassword} — other sessions are signed out. */
export const POST = withUser(async (request, { session, cookies }) => {
  const body = await parseJsonBody(request, changePasswordSchema);
  await (await authAdapter()).changePassword(session, body.currentPassword, body.newPassword, authRequestContext(request, cookies));
  return ok({ message: 'Password changed. Other devices have been signed out.' });
});
