import { authAdapter } from '@/lib/auth';
import { publicUser } from '@/lib/auth/public-user';
import { authRequestContext } from '@/lib/auth/request-context';
import { deleteAccountSchema, updateProfileSchema } from '@/lib/auth/schemas';
import { updateOwnProfile } from '@/lib/users/update-profile';
import { parseJsonBody } from '@/lib/api/parse';
import { ok } from '@/lib/api/respond';
import { withUser } from '@/lib/api/route';

/** GET /api/auth/me → {user} */
export const GET = withUser(async (_request, { session }) => ok({ user: publicUser(session.user) }));

/** PATCH /api/auth/me {fullName} → {user} — runs as the user: RLS and the profile guard apply. */
export const PATCH = withUser(async (request, { session, cookies }) => {
  const body = await parseJsonBody(request, updateProfileSchema);
  const user = await updateOwnProfile(session, body);
  return ok({ user: publicUser(user) });
});

/** DELETE /api/auth/me {password} — deletes the account and everything that belongs to it. */
export const DELETE = withUser(async (request, { session, cookies }) => {
  const { password } = await parseJsonBody(request, deleteAccountSchema);
  await (await authAdapter()).deleteAccount(session, password, authRequestContext(request, cookies));
  return ok({ message: 'Your account and its data have been deleted.' });
});
