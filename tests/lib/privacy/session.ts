import type { Session } from '@/lib/auth/types';
import type { TestUser } from '../../support/fixtures';

/** A session for a fixture user, as loadSession would build it for a free learner. */
export function buildSession(user: TestUser): Session {
  return {
    user: { id: user.id, email: user.email, fullName: 'Test user', role: 'user', tier: 'free', emailVerified: true },
    claims: user.claims,
  };
}
