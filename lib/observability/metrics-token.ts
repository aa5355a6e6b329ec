import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether `authorization` is `Bearer <expected>`. Both sides are hashed first so the comparison is
 * constant-time whatever their lengths: the time taken tells a guesser nothing about the token.
 */
export function isMetricsTokenValid(authorization: string | null, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}
