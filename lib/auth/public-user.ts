import type { SessionUser } from './types';

/** The user as the API returns it (`User` in the contract). */
export function publicUser(user: SessionUser) {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    tier: user.tier,
    emailVerified: user.emailVerified,
    timeZone: user.timeZone ?? 'UTC',
    leaderboardOptIn: user.leaderboardOptIn ?? false,
  };
}
