import { z } from 'zod';
import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { logoutSchema } from '@/lib/auth/schemas';
import { resolveSession } from '@/lib/auth/session';
import { ApiError } from '@/lib/api/errors';
import { hasRequestBody, parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/** POST /api/auth/logout {allDevices?} — ends this session (or all of the user's) and clears cookies. */
export const POST = route(async (request, { cookies }) => {
  const hasBody = hasRequestBody(request);
  const body: z.infer<typeof logoutSchema> = hasBody ? await parseJsonBody(request, logoutSchema) : {};
  const ctx = authRequestContext(request, cookies);
  const session = await resolveSession(request.headers, cookies);
  if (body.allDevices && !session) throw new ApiError('UNAUTHORIZED', 'Sign in to sign out of all devices');
  await (await authAdapter()).logout(session, ctx, { allDevices: body.allDevices });
  return ok({ message: body.allDevices ? 'Signed out of all devices' : 'Signed out' });
});
