import 'server-only';
import crypto from 'node:crypto';

/**
 * Checks an HS256 JWT (compact JWS) signed with `key`, and its registered claims; the payload when
 * all hold, null otherwise.
 *
 * Why not jose here: jose verifies through WebCrypto, which runs each HMAC as a job on libuv's
 * thread pool and wakes the event loop when it is done — about 0.3 ms of the server's CPU per
 * token on the bench machine, a twentieth of a whole signed-in request. node:crypto's HMAC is
 * synchronous and costs microseconds. Only what this app signs is accepted: header `alg` HS256
 * (nothing else, no `crit` extensions), our issuer and audience, and a live `exp`. jose still
 * signs (lib/auth/jwt.ts), and the tests check both agree.
 */
export function verifyHs256(
  token: string,
  key: Uint8Array,
  expected: { issuer: string; audience: string; nowSeconds?: number },
): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  const [header, payload, signature] = parts as [string, string, string];

  const head = decodeJson(header);
  if (!head || head.alg !== 'HS256' || 'crit' in head || (head.typ !== undefined && head.typ !== 'JWT')) return null;

  const given = Buffer.from(signature, 'base64url');
  const computed = crypto.createHmac('sha256', key).update(`${header}.${payload}`).digest();
  if (given.length !== computed.length || !crypto.timingSafeEqual(given, computed)) return null;

  const claims = decodeJson(payload);
  if (!claims) return null;
  const now = expected.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) return null;
  if (claims.iat !== undefined && typeof claims.iat !== 'number') return null;
  if (claims.iss !== expected.issuer) return null;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) return null;
  return claims;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
