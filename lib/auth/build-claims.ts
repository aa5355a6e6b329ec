import type { AppRole, JwtClaims } from '@/lib/db/claims';

export interface ClaimsSubject {
  id: string;
  email: string;
  role: AppRole;
  subscriptionTier: 'free' | 'premium';
}

/**
 * The JWT claims for a user, in Supabase Auth's shape: `role` is the database role, the app's
 * own role and tier ride in `app_metadata`, which users cannot edit.
 */
export function buildClaims(subject: ClaimsSubject): JwtClaims {
  return {
    sub: subject.id,
    role: 'authenticated',
    aud: 'authenticated',
    email: subject.email,
    app_metadata: { role: subject.role, tier: subject.subscriptionTier },
  };
}
