import { asService } from '@/lib/db';
import { signAccessToken } from '@/lib/auth/jwt';
import { startFamily } from '@/lib/auth/built-in/refresh-tokens';
import type { TestUser } from './fixtures';

/** A real access token for a fixture user, with a live session family behind it. */
export async function tokenFor(user: TestUser): Promise<string> {
  const { familyId } = await asService('test', (tx) => startFamily(tx, user.id, { ip: null, userAgent: null }));
  const { token } = await signAccessToken({ ...user.claims, session_id: familyId });
  return token;
}
