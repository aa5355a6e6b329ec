import crypto from 'node:crypto';
import { supabaseAuthAdapter } from '@/lib/auth/supabase/adapter';
import { ANON_KEY, GoTrueDouble } from './gotrue-double';
import { tamper } from './gotrue-tokens';
import { context, pointEnvAt, useGoTrueDouble } from './support';

const adapter = supabaseAuthAdapter();
const { double } = useGoTrueDouble({ signing: 'ES256' });
let seq = 0;

async function accessToken(d: GoTrueDouble) {
  const user = d.addUser({ email: `verify${++seq}@example.com`, password: 'long enough pw' });
  const { tokens } = await adapter.login({ email: user.email, password: 'long enough pw' }, context());
  return { user, token: tokens.accessToken };
}

describe('supabase adapter: verifyAccessToken with an asymmetric (ES256) project', () => {
  it('verifies locally against the JWKS, fetched once and cached', async () => {
    const { user, token } = await accessToken(double());
    const second = await accessToken(double());
    const userCallsBefore = double().requestsTo('GET', '/user').length;

    await expect(adapter.verifyAccessToken(token)).resolves.toMatchObject({
      sub: user.id,
      role: 'authenticated',
      email: user.email,
      app_metadata: { provider: 'email' },
    });
    await expect(adapter.verifyAccessToken(second.token)).resolves.toMatchObject({ sub: second.user.id });

    const jwks = double().requestsTo('GET', '/.well-known/jwks.json');
    expect(jwks).toHaveLength(1);
    expect(jwks[0]?.headers.apikey).toBe(ANON_KEY);
    expect(double().requestsTo('GET', '/user')).toHaveLength(userCallsBefore);
  });

  it('rejects a token whose claims were edited after signing', async () => {
    const { token } = await accessToken(double());
    await expect(adapter.verifyAccessToken(tamper(token, (c) => (c.sub = crypto.randomUUID())))).resolves.toBeNull();
    await expect(adapter.verifyAccessToken(tamper(token, (c) => (c.role = 'service_role')))).resolves.toBeNull();
  });

  it('rejects an expired token', async () => {
    const { user } = await accessToken(double());
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await double().signer.sign({ sub: user.id, role: 'authenticated', aud: 'authenticated', exp: past, iat: past - 3600 });
    await expect(adapter.verifyAccessToken(expired)).resolves.toBeNull();
  });

  it('rejects a validly signed service_role token: only authenticated user tokens pass', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const serviceRole = await double().signer.sign({ sub: crypto.randomUUID(), role: 'service_role', exp, iat: exp - 3600 });
    await expect(adapter.verifyAccessToken(serviceRole)).resolves.toBeNull();
  });

  it('rejects garbage without throwing', async () => {
    await expect(adapter.verifyAccessToken('not.a.jwt')).resolves.toBeNull();
    await expect(adapter.verifyAccessToken('')).resolves.toBeNull();
  });
});

describe('supabase adapter: verifyAccessToken with a legacy HS256 project', () => {
  let hs: GoTrueDouble;
  beforeAll(async () => {
    hs = await GoTrueDouble.start({ signing: 'HS256' });
    pointEnvAt(hs);
  });
  afterAll(async () => {
    await hs.close();
    pointEnvAt(double());
  });

  it('falls back to GET /user with the token, since a shared secret cannot be checked locally', async () => {
    const { user, token } = await accessToken(hs);
    await expect(adapter.verifyAccessToken(token)).resolves.toMatchObject({ sub: user.id, role: 'authenticated' });
    expect(hs.requestsTo('GET', '/user').at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('rejects a tampered token and the token of a signed-out session', async () => {
    const { token } = await accessToken(hs);
    await expect(adapter.verifyAccessToken(tamper(token, (c) => (c.email = 'x@example.com')))).resolves.toBeNull();

    const user = hs.addUser({ email: `gone${++seq}@example.com`, password: 'long enough pw' });
    const session = await hs.createSession(user);
    await expect(adapter.verifyAccessToken(session.access_token)).resolves.toMatchObject({ sub: user.id });
    // Another device signs the user out everywhere; the unexpired token must stop working.
    await fetch(`${hs.url}/auth/v1/logout?scope=global`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, authorization: `Bearer ${session.access_token}` },
    });
    await expect(adapter.verifyAccessToken(session.access_token)).resolves.toBeNull();
  });
});
