import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { forgotPasswordSchema } from '@/lib/auth/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/**
 * POST /api/auth/forgot-password {email} — emails a reset link when the account exists. The answer
 * is the same either way, so the endpoint cannot be used to find out who has an account.
 */
export const POST = route(async (request, { cookies }) => {
  const { email } = await parseJsonBody(request, forgotPasswordSchema);
  await (await authAdapter()).requestPasswordReset(email, authRequestContext(request, cookies));
  return ok({ message: 'If an account exists for that email, a reset link is on its way.' });
});
