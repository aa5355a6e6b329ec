import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { authTokens } from '@/lib/db/schema';
import { hashToken, newOpaqueToken } from '../token-hash';

export type OneTimePurpose = 'verify_email' | 'reset_password';

export const ONE_TIME_TTL_SECONDS: Record<OneTimePurpose, number> = {
  verify_email: 24 * 60 * 60,
  reset_password: 60 * 60,
};

/** Issues a token, retiring earlier unused ones of the same purpose: only the newest link works. */
export async function issueOneTimeToken(tx: Tx, userId: string, purpose: OneTimePurpose): Promise<string> {
  await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
  const token = newOpaqueToken();
  await tx.insert(authTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + ONE_TIME_TTL_SECONDS[purpose] * 1000),
  });
  return token;
}

/** Marks a valid token used and returns its user; null when unknown, expired, used or for another purpose. */
export async function consumeOneTimeToken(tx: Tx, token: string, purpose: OneTimePurpose): Promise<string | null> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}
