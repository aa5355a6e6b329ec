import crypto from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from 'jose';

/**
 * Real JWTs for the GoTrue double, signed the way Supabase signs them: ES256 with the public key
 * published at /.well-known/jwks.json (what getClaims verifies locally), or legacy HS256 with a
 * shared secret (what makes getClaims fall back to GET /user).
 */

export type SigningMode = 'ES256' | 'HS256';

export class JwtSigner {
  readonly kid = crypto.randomUUID();

  private constructor(
    readonly mode: SigningMode,
    private readonly signingKey: CryptoKey | Uint8Array,
    private readonly verifyKey: CryptoKey | Uint8Array,
    private readonly publicJwk: JWK | null,
  ) {}

  static async create(mode: SigningMode): Promise<JwtSigner> {
    if (mode === 'HS256') {
      const secret = new Uint8Array(crypto.randomBytes(32));
      return new JwtSigner(mode, secret, secret, null);
    }
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    return new JwtSigner(mode, privateKey, publicKey, await exportJWK(publicKey));
  }

  /** The JWKS GoTrue publishes: the ES256 public key, or nothing for a symmetric-key project. */
  jwks(): { keys: JWK[] } {
    if (!this.publicJwk) return { keys: [] };
    return { keys: [{ ...this.publicJwk, kid: this.kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }] };
  }

  sign(payload: JWTPayload): Promise<string> {
    const header = this.mode === 'ES256' ? { alg: 'ES256', typ: 'JWT', kid: this.kid } : { alg: 'HS256', typ: 'JWT' };
    return new SignJWT(payload).setProtectedHeader(header).sign(this.signingKey);
  }

  /** The payload when the signature is ours and the token has not expired; null otherwise. */
  async verify(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.verifyKey, { algorithms: [this.mode] });
      return typeof payload.exp === 'number' ? payload : null;
    } catch {
      return null;
    }
  }
}

/** Re-encodes a token's payload without re-signing it: what an attacker editing claims produces. */
export function tamper(token: string, edit: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
