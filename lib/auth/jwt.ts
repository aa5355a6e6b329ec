import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { jwtClaimsSchema, type JwtClaims } from '@/lib/db/claims';
import { env } from '@/lib/env';
import { verifyHs256 } from './verify-hs256';

/** Access tokens live 15 minutes (product spec); refresh tokens carry sessions beyond that. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'workfree';
const AUDIENCE = 'authenticated';

const holder = globalThis as typeof globalThis & { __workfreeJwtKey?: Uint8Array; __workfreeJwtCryptoKey?: Promise<CryptoKey> };

/**
 * The signing key: AUTH_JWT_SECRET when set; otherwise a random secret generated once and kept in
 * .data/ so local sessions survive restarts (tests keep it in memory). lib/env refuses the
 * generated secret on serverless production hosts, where instances would not share it.
 */
function signingKey(): Uint8Array {
  if (holder.__workfreeJwtKey) return holder.__workfreeJwtKey;
  const config = env();
  let secret = config.AUTH_JWT_SECRET;
  if (!secret && config.NODE_ENV === 'test') secret = crypto.randomBytes(32).toString('base64url');
  if (!secret) {
    const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), '.data', 'auth-jwt-secret');
    try {
      secret = fs.readFileSync(file, 'utf8').trim();
    } catch {
      secret = crypto.randomBytes(48).toString('base64url');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, secret, { mode: 0o600 });
    }
  }
  holder.__workfreeJwtKey = new TextEncoder().encode(secret);
  return holder.__workfreeJwtKey;
}

/**
 * The signing key imported for WebCrypto once per process, for jose's signing: given raw bytes,
 * jose imports them on every call. Tokens are checked with node:crypto (./verify-hs256).
 */
function hmacKey(): Promise<CryptoKey> {
  holder.__workfreeJwtCryptoKey ??= crypto.webcrypto.subtle.importKey('raw', signingKey(), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return holder.__workfreeJwtCryptoKey;
}

export async function signAccessToken(
  claims: Omit<JwtClaims, 'exp' | 'iat' | 'aud' | 'role'>,
): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ ...claims, role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(await hmacKey());
  return { token, expiresAt };
}

/**
 * Verifies signature, issuer, audience and expiry, then the claim shape: a token whose `role` was
 * edited (to service_role, say) fails the signature, and one signed with another role fails the
 * shape check. Null for anything not valid.
 */
export async function verifyAccessToken(token: string): Promise<JwtClaims | null> {
  const payload = verifyHs256(token, signingKey(), { issuer: ISSUER, audience: AUDIENCE });
  if (!payload) return null;
  const parsed = jwtClaimsSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
