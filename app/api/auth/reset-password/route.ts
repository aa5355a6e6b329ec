import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { resetPasswordSchema } from '@/lib/auth/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/** POST /api/auth/reset-password {token, password} — sets a new password and ends every session. */
export const POST = route(async (request, { cookies }) => {
  const { token, password } = await parseJsonBody(request, resetPasswordSchema);
  await (await authAdapter()).resetPassword(token, password, authRequestContext(request, cookies));
  return ok({ message: 'Password updated. Sign in with your new password.' });
});
