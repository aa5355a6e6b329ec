import 'server-only';
import bcrypt from 'bcryptjs';

/** The product spec's cost factor. */
export const BCRYPT_ROUNDS = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

/**
 * A cost-12 hash of a random string nobody knows, computed once offline: comparing against it
 * costs exactly what a real comparison costs, with no hashing on the first call.
 */
const DUMMY_HASH = '$2b$12$wmY2fbqL/AQAyxJxcbzGfeAVzfNGKk7kMcY45wlHrdBumwWHZvVcG';

/**
 * Compares against the stored hash, or — when there is no user — against a dummy hash of the same
 * cost, so "no such email" takes as long as "wrong password" and timing reveals nothing.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}
