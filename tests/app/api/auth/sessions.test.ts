import { SignJWT, decodeJwt } from 'jose';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { POST as logout } from '@/app/api/auth/logout/route';
import { GET as me } from '@/app/api/auth/me/route';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { call, cookiesSet } from '../../../support/http';

const PASSWORD = 'correct horse battery';
let counter = 0;

async function signUp() {
  const email = `session${++counter}-${Date.now()}@example.test`;
  await call(register, { body: { email, password: PASSWORD, fullName: 'Session Tester' } });
  const { json } = await call(login, { body: { email, password: PASSWORD } });
  return { email, token: json.token as string, refreshToken: json.refreshToken as string };
}

describe('sessions: tokens, refresh rotation, logout', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('issues a 15-minute access token in Supabase’s claim shape', async () => {
    const { token } = await signUp();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      role: 'authenticated',
      aud: 'authenticated',
      email: expect.any(String),
      app_metadata: { role: 'user', tier: 'free' },
      session_id: expect.any(String),
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
  });

  it('accepts the token as a bearer header and as the session cookie', async () => {
    const { token } = await signUp();
    expect((await call(me, { bearer: token })).status).toBe(200);
    expect((await call(me, { cookies: { wf_access: token } })).status).toBe(200);
    expect((await call(me)).status).toBe(401);
  });

  it.each([
    ['a token signed with another secret', async (token: string) => {
      const claims = decodeJwt(token);
      return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(48)));
    }],
    ['a payload edited to role service_role', async (token: string) => {
      const [header, payload, signature] = token.split('.');
      const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'service_role' };
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }],
    ['an app role edited to super_admin', async (token: string) => {
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      claims.app_metadata.role = 'super_admin';
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }],
    ['an unsigned token (alg none)', async (token: string) => {
      const claims = decodeJwt(token);
      return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    }],
    ['an expired token', async (token: string) => {
      jest.useFakeTimers({ now: Date.now() + 16 * 60 * 1000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      return token;
    }],
    ['garbage', async () => 'not.a.jwt'],
  ])('answers 401 for %s', async (_label, forge) => {
    const { token } = await signUp();
    const forged = await forge(token);
    try {
      const { status, json } = await call(me, { bearer: forged });
      expect(status).toBe(401);
      expect(json.error.code).toBe('UNAUTHORIZED');
    } finally {
      jest.useRealTimers();
    }
  });

  it('rotates the refresh token on every use (body or cookie)', async () => {
    const { refreshToken } = await signUp();
    const first = await call(refresh, { body: { refreshToken } });
    expect(first.status).toBe(200);
    expect(first.json.refreshToken).not.toBe(refreshToken);
    const second = await call(refresh, { cookies: { wf_refresh: first.json.refreshToken } });
    expect(second.status).toBe(200);
    expect(cookiesSet(second.response).wf_refresh?.value).toBe(second.json.refreshToken);
    expect((await call(me, { bearer: second.json.token })).status).toBe(200);
  });

  it('kills the whole family when an old refresh token is reused', async () => {
    const { refreshToken } = await signUp();
    const rotated = await call(refresh, { body: { refreshToken } });
    const reuse = await call(refresh, { body: { refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.json.error.code).toBe('SESSION_EXPIRED');
    expect(cookiesSet(reuse.response).wf_refresh?.value).toBe('');
    // The thief's replay also ended the legitimate holder's session.
    expect((await call(refresh, { body: { refreshToken: rotated.json.refreshToken } })).status).toBe(401);
    expect((await call(me, { bearer: rotated.json.token })).status).toBe(401);
  });

  it('grants exactly one of two concurrent refreshes with the same token', async () => {
    const { refreshToken } = await signUp();
    const results = await Promise.all([call(refresh, { body: { refreshToken } }), call(refresh, { body: { refreshToken } })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('answers 401 for an unknown refresh token, and 400 for a malformed body', async () => {
    expect((await call(refresh, { body: { refreshToken: 'x'.repeat(43) } })).status).toBe(401);
    expect((await call(refresh)).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: 12 } })).status).toBe(400);
  });

  it('ends the session on logout: cookies cleared, access and refresh tokens dead', async () => {
    const { token, refreshToken } = await signUp();
    const out = await call(logout, { body: {}, cookies: { wf_access: token, wf_refresh: refreshToken } });
    expect(out.status).toBe(200);
    expect(cookiesSet(out.response).wf_access?.value).toBe('');
    expect((await call(me, { bearer: token })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken } })).status).toBe(401);
  });

  it('signs out of every device with allDevices', async () => {
    const { email } = await signUp();
    const phone = (await call(login, { body: { email, password: PASSWORD } })).json;
    const laptop = (await call(login, { body: { email, password: PASSWORD } })).json;
    expect((await call(logout, { body: { allDevices: true }, bearer: laptop.token })).status).toBe(200);
    expect((await call(me, { bearer: phone.token })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: phone.refreshToken } })).status).toBe(401);
  });

  it('needs a session to sign out everywhere', async () => {
    expect((await call(logout, { body: { allDevices: true } })).status).toBe(401);
  });
});
