import { authAdapter } from '@/lib/auth';
import { recordEvent } from '@/lib/analytics/record-event';
import { authRequestContext } from '@/lib/auth/request-context';
import { registerSchema } from '@/lib/auth/schemas';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/** POST /api/auth/register {email, password, fullName} → 201 {user: {id, email, fullName}, token} */
export const POST = route(async (request, { cookies }) => {
  const body = await parseJsonBody(request, registerSchema);
  const ctx = authRequestContext(request, cookies);
  const { userId, tokens } = await (await authAdapter()).register(body, ctx);
  await recordEvent({ name: 'sign_up', userId });
  return ok(
    {
      user: { id: userId, email: body.email, fullName: body.fullName },
      token: tokens?.accessToken ?? null,
      refreshToken: tokens?.refreshToken ?? null,
      expiresAt: tokens?.expiresAt ?? null,
      emailConfirmationRequired: tokens === null,
    },
    { status: 201 },
  );
});
