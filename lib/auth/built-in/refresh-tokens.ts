import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { refreshTokens } from '@/lib/db/schema';
import { REFRESH_TTL_SECONDS } from '../cookies';
import { hashToken, newOpaqueToken } from '../token-hash';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

const expiry = () => new Date(Date.now() + REFRESH_TTL_SECONDS * 1000);
const meta = (m: ClientMeta) => ({ ip: m.ip?.slice(0, 64) ?? null, userAgent: m.userAgent?.slice(0, 500) ?? null });

/** A sign-in starts a new family; its id is the session id carried in the access token. */
export async function startFamily(tx: Tx, userId: string, client: ClientMeta) {
  const token = newOpaqueToken();
  const familyId = crypto.randomUUID();
  await tx.insert(refreshTokens).values({ userId, familyId, tokenHash: hashToken(token), expiresAt: expiry(), ...meta(client) });
  return { token, familyId };
}

export type RotateResult =
  | { kind: 'rotated'; userId: string; familyId: string; token: string }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' };

/**
 * Consumes a refresh token and issues its successor. The consume is a conditional update, so of
 * two concurrent requests with the same token exactly one wins; the other — like any later replay —
 * sees a used token and the caller must revoke the family (after committing, see adapter).
 */
export async function rotate(tx: Tx, token: string, client: ClientMeta): Promise<RotateResult> {
  const tokenHash = hashToken(token);
  const [consumed] = await tx
    .update(refreshTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning();
  if (!consumed) {
    const [known] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
    if (known && known.usedAt && !known.revokedAt) return { kind: 'reused', userId: known.userId, familyId: known.familyId };
    return { kind: 'invalid' };
  }
  if (consumed.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
  const next = newOpaqueToken();
  await tx.insert(refreshTokens).values({
    userId: consumed.userId,
    familyId: consumed.familyId,
    parentId: consumed.id,
    tokenHash: hashToken(next),
    expiresAt: expiry(),
    ...meta(client),
  });
  return { kind: 'rotated', userId: consumed.userId, familyId: consumed.familyId, token: next };
}

export async function revokeFamily(tx: Tx, familyId: string, reason: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Ends every session of the user, except the family named by `except` (the one asking). */
export async function revokeAllFamilies(tx: Tx, userId: string, reason: string, except?: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        except ? ne(refreshTokens.familyId, except) : undefined,
      ),
    );
}

/** A session is live while its family has a token that is neither revoked nor expired. */
export async function isFamilyActive(tx: Tx, familyId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .limit(1);
  return Boolean(row);
}

/** The family a refresh token belongs to, used or not (logout ends it either way). */
export async function familyOf(tx: Tx, token: string): Promise<string | null> {
  const [row] = await tx
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row?.familyId ?? null;
}
