import 'server-only';
import bcrypt from 'bcryptjs';

/** The product spec's cost factor. */
export const BCRYPT_ROUNDS = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against the stored hash, or — when there is no user — against a dummy hash of the same
 * cost, so "no such email" takes as long as "wrong password" and timing reveals nothing.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash('workfree-timing-equalizer', BCRYPT_ROUNDS);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
