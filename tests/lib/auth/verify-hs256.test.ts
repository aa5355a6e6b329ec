import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { verifyHs256 } from '@/lib/auth/verify-hs256';

/** lib/auth/verify-hs256.ts: only HS256 tokens signed with our key, for our issuer and audience, still live. */
describe('verifyHs256', () => {
  const key = crypto.randomBytes(32);
  const expected = { issuer: 'workfree', audience: 'authenticated' };
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' };

  const signed = (overrides: { key?: Uint8Array; exp?: number; iss?: string; aud?: string | string[]; nbf?: number; header?: object } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...overrides.header })
      .setIssuer(overrides.iss ?? 'workfree')
      .setAudience(overrides.aud ?? 'authenticated')
      .setIssuedAt(now)
      .setExpirationTime(overrides.exp ?? now + 900)
      .setNotBefore(overrides.nbf ?? now)
      .sign(overrides.key ?? key);

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const hmac = (input: string, k: Uint8Array = key) => crypto.createHmac('sha256', k).update(input).digest('base64url');
  /** A token put together by hand, signed (with our key unless told) over whatever header it has. */
  const forged = (header: object, payload: object, k?: Uint8Array) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${hmac(input, k)}`;
  };
  const livePayload = { ...claims, iss: 'workfree', aud: 'authenticated', exp: now + 900, iat: now };

  it('accepts what jose signs, with the payload', async () => {
    expect(verifyHs256(await signed(), key, expected)).toMatchObject({ ...claims, iss: 'workfree', aud: 'authenticated' });
    expect(verifyHs256(await signed({ aud: ['other', 'authenticated'] }), key, expected)).not.toBeNull();
  });

  it('refuses another key, and any change to the header, payload or signature', async () => {
    expect(verifyHs256(await signed({ key: crypto.randomBytes(32) }), key, expected)).toBeNull();
    const [header, payload, signature] = (await signed()).split('.') as [string, string, string];
    const tamperedPayload = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'service_role' });
    expect(verifyHs256(`${header}.${tamperedPayload}.${signature}`, key, expected)).toBeNull();
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifyHs256(`${header}.${payload}.${flipped}`, key, expected)).toBeNull();
    expect(verifyHs256(`${header}.${payload}.${signature.slice(0, 20)}`, key, expected)).toBeNull();
    expect(verifyHs256(`${header}.${payload}.`, key, expected)).toBeNull();
  });

  it.each([
    ['alg none', { alg: 'none' }],
    ['another algorithm', { alg: 'HS512' }],
    ['an asymmetric algorithm', { alg: 'RS256' }],
    ['critical extensions', { alg: 'HS256', crit: ['exp'] }],
    ['another type', { alg: 'HS256', typ: 'at+jwt' }],
  ])('refuses %s in the header even when signed with our key', (_label, header) => {
    expect(verifyHs256(forged(header, livePayload), key, expected)).toBeNull();
  });

  it('accepts a hand-made token with the same rules (the check is not jose-specific)', () => {
    expect(verifyHs256(forged({ alg: 'HS256' }, livePayload), key, expected)).toMatchObject(claims);
  });

  it.each([
    ['expired', { ...livePayload, exp: now - 1 }],
    ['expiring this second', { ...livePayload, exp: now }],
    ['without an expiry', { ...livePayload, exp: undefined }],
    ['with a text expiry', { ...livePayload, exp: String(now + 900) }],
    ['not valid yet', { ...livePayload, nbf: now + 60 }],
    ['with a text iat', { ...livePayload, iat: 'now' }],
    ['from another issuer', { ...livePayload, iss: 'someone-else' }],
    ['without an issuer', { ...livePayload, iss: undefined }],
    ['for another audience', { ...livePayload, aud: 'anon' }],
    ['without an audience', { ...livePayload, aud: undefined }],
  ])('refuses a token %s', (_label, payload) => {
    expect(verifyHs256(forged({ alg: 'HS256', typ: 'JWT' }, payload), key, { ...expected, nowSeconds: now })).toBeNull();
  });

  it.each([
    ['two segments', 'a.b'],
    ['four segments', 'a.b.c.d'],
    ['characters outside base64url', 'a+b.c.d'],
    ['a header that is not JSON', `${Buffer.from('nope').toString('base64url')}.${b64(livePayload)}.x`],
    ['a payload that is an array', forged({ alg: 'HS256' }, [livePayload])],
    ['nothing', ''],
  ])('refuses a malformed token: %s', (_label, token) => {
    expect(verifyHs256(token, key, expected)).toBeNull();
  });
});
