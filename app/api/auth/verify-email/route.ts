import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { verifyEmailSchema } from '@/lib/auth/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/** POST /api/auth/verify-email {token} — confirms the address from the emailed link (single use). */
export const POST = route(async (request, { cookies }) => {
  const { token } = await parseJsonBody(request, verifyEmailSchema);
  await (await authAdapter()).verifyEmail(token, authRequestContext(request, cookies));
  return ok({ message: 'Email verified' });
});
