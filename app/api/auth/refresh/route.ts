import { z } from 'zod';
import { authAdapter } from '@/lib/auth';
import { authRequestContext } from '@/lib/auth/request-context';
import { refreshSchema } from '@/lib/auth/schemas';
import { hasRequestBody, parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { route } from '@/lib/api/route';

/**
 * POST /api/auth/refresh {refreshToken?} → {token, refreshToken, expiresAt}
 * API clients send the refresh token in the body; browsers send nothing and the cookie is used.
 * Every use rotates the token; presenting a used one ends the whole session family.
 */
export const POST = route(async (request, { cookies }) => {
  const hasBody = hasRequestBody(request);
  const body: z.infer<typeof refreshSchema> = hasBody ? await parseJsonBody(request, refreshSchema) : {};
  const ctx = authRequestContext(request, cookies);
  const { tokens } = await (await authAdapter()).refresh(body.refreshToken ?? null, ctx);
  return ok({ token: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt });
});
