import 'server-only';
import type { JwtClaims } from '@/lib/db';
import { asUser } from '@/lib/db';
import { countQualifying, type QualifyingCount } from './qualifying-learners';
import type { PreviewRequest } from './schemas';

/**
 * How many learners already meet `criteria` (saved or not), read as the admin: staff read every
 * learner's progress, XP and learning days under RLS, so no service role is needed to look.
 */
export function previewQualifying(claims: JwtClaims, request: PreviewRequest): Promise<QualifyingCount> {
  return asUser(claims, (tx) => countQualifying(tx, request.criteria, request.achievementId));
}
