import { asUser, type JwtClaims, type Tx } from '@/lib/db';

class Rollback<T> {
  constructor(readonly value: T) {}
}

const codeOf = (error: unknown): string | undefined => {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/** insufficient_privilege: a missing grant, an RLS violation, or a guard trigger saying no. */
export const isPermissionDenied = (error: unknown) => codeOf(error) === '42501';

/**
 * Runs `fn` as the caller (null = anon) and rolls everything back, so each case leaves the
 * database as it found it. Resolves to `{ ok: true, value }`, or `{ ok: false }` when the database
 * refused with a permission error; any other error fails the test.
 */
export async function tryAs<T>(
  claims: JwtClaims | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string | undefined }> {
  try {
    await asUser(claims, async (tx) => {
      throw new Rollback(await fn(tx));
    });
    throw new Error('unreachable');
  } catch (error) {
    if (error instanceof Rollback) return { ok: true, value: error.value as T };
    if (isPermissionDenied(error)) return { ok: false, code: codeOf(error) };
    throw error;
  }
}

/** A write "happened" when it ran and touched at least one row (RLS filters silently). */
export async function affects(claims: JwtClaims | null, fn: (tx: Tx) => Promise<unknown[]>): Promise<boolean> {
  const result = await tryAs(claims, fn);
  return result.ok && result.value.length > 0;
}
