import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';

/** POST /api/auth/resend-verification — a new verification link (earlier links stop working). */
export const POST = withUser(async (request, { session, cookies }) => {
  await (await authAdapter()).resendVerification(session, authRequestContext(request, cookies));
  return ok({
    message: session.user.emailVerified ? 'Your email is already verified' : 'A new verification link is on its way',
  });
});
