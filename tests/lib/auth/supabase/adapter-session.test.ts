import { ApiError } from '@/lib/api/errors';
import { supabaseAuthAdapter } from '@/lib/auth/supabase/adapter';
import { ANON_KEY } from './gotrue-double';
import { MemoryCookieJar, ORIGIN, context, useGoTrueDouble } from './support';

const adapter = supabaseAuthAdapter();
const { double } = useGoTrueDouble({ autoconfirm: true });
let seq = 0;
const email = () => `learner${++seq}@example.com`;

async function signedIn(password = 'correct horse battery') {
  const address = email();
  const user = double().addUser({ email: address, password });
  const jar = new MemoryCookieJar();
  const result = await adapter.login({ email: address, password }, context(jar));
  return { user, jar, result, address, password };
}

describe('supabase adapter: register', () => {
  it('signs up with full_name metadata and the verify-email redirect, and writes the session cookies', async () => {
    const jar = new MemoryCookieJar();
    const address = email();
    const { userId, tokens } = await adapter.register({ email: address, password: 'long enough pw', fullName: 'Ada L' }, context(jar));

    const [request] = double().requestsTo('POST', '/signup').slice(-1);
    expect(request?.headers.apikey).toBe(ANON_KEY);
    expect(request?.query.redirect_to).toBe(`${ORIGIN}/verify-email`);
    expect(request?.body).toMatchObject({ email: address, password: 'long enough pw', data: { full_name: 'Ada L' } });
    expect(userId).toBe(double().userByEmail(address)?.id);
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresAt: expect.any(Number) });
    expect(jar.sessionCookies().length).toBeGreaterThan(0);
    // The session cookies are httpOnly and sameSite=lax (ARCHITECTURE §4), unlike ssr's default.
    const written = jar.writes.find((w) => jar.sessionCookies().includes(w.name));
    expect(written?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('answers EMAIL_TAKEN with an email field error for a registered address', async () => {
    const { address } = await signedIn();
    const attempt = adapter.register({ email: address, password: 'another long pw', fullName: 'Dup' }, context());
    await expect(attempt).rejects.toMatchObject({ code: 'EMAIL_TAKEN', status: 409, fields: { email: [expect.any(String)] } });
  });

  it('maps GoTrue weak_password to WEAK_PASSWORD on the password field', async () => {
    const attempt = adapter.register({ email: email(), password: 'short', fullName: 'W' }, context());
    await expect(attempt).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
      fields: { password: ['Password should be at least 8 characters.'] },
    });
  });
});

describe('supabase adapter: login', () => {
  it('returns the user and tokens and sets the session cookies', async () => {
    const { user, jar, result } = await signedIn();
    expect(result.userId).toBe(user.id);
    expect(result.tokens.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(jar.sessionCookies().length).toBeGreaterThan(0);
    expect(double().requestsTo('POST', '/token').at(-1)?.query.grant_type).toBe('password');
  });

  it('answers INVALID_CREDENTIALS for a wrong password and writes no session cookie', async () => {
    const address = email();
    double().addUser({ email: address, password: 'the right one' });
    const jar = new MemoryCookieJar();
    const attempt = adapter.login({ email: address, password: 'the wrong one' }, context(jar));
    await expect(attempt).rejects.toEqual(new ApiError('INVALID_CREDENTIALS', 'Email or password is incorrect'));
    expect(jar.sessionCookies()).toEqual([]);
  });

  it('answers EMAIL_NOT_VERIFIED when Supabase requires a confirmed address', async () => {
    const address = email();
    double().addUser({ email: address, password: 'unconfirmed pw', confirmed: false });
    await expect(adapter.login({ email: address, password: 'unconfirmed pw' }, context())).rejects.toMatchObject({
      code: 'EMAIL_NOT_VERIFIED',
    });
  });

  it('answers SERVICE_UNAVAILABLE when GoTrue fails with a 5xx', async () => {
    double().failNext('POST', '/token', 503);
    await expect(adapter.login({ email: email(), password: 'whatever pw' }, context())).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
  });
});

describe('supabase adapter: refresh', () => {
  it('rotates an explicit refresh token and rewrites the cookies', async () => {
    const { result, user } = await signedIn();
    const jar = new MemoryCookieJar();
    const refreshed = await adapter.refresh(result.tokens.refreshToken, context(jar));
    expect(refreshed.userId).toBe(user.id);
    expect(refreshed.tokens.refreshToken).not.toBe(result.tokens.refreshToken);
    expect(double().requestsTo('POST', '/token').at(-1)?.body).toMatchObject({ refresh_token: result.tokens.refreshToken });
    expect(jar.sessionCookies().length).toBeGreaterThan(0);
  });

  it('takes the refresh token from the cookies when none is given', async () => {
    const { jar, result } = await signedIn();
    const refreshed = await adapter.refresh(null, context(jar));
    expect(refreshed.tokens.accessToken).not.toBe(result.tokens.accessToken);
    expect(double().requestsTo('POST', '/token').at(-1)?.query.grant_type).toBe('refresh_token');
  });

  it('answers SESSION_EXPIRED for an unknown or already used refresh token', async () => {
    const { result } = await signedIn();
    await adapter.refresh(result.tokens.refreshToken, context());
    await expect(adapter.refresh(result.tokens.refreshToken, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(adapter.refresh('not-a-real-refresh-token', context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('answers SESSION_EXPIRED with no refresh token and no cookies', async () => {
    await expect(adapter.refresh(null, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
  });
});

describe('supabase adapter: logout', () => {
  it('local scope revokes this session only and clears its cookies', async () => {
    const one = await signedIn();
    const two = await adapter.login({ email: one.address, password: one.password }, context());
    await adapter.logout(null, context(one.jar));

    const request = double().requestsTo('POST', '/logout').at(-1);
    expect(request?.query.scope).toBe('local');
    expect(request?.headers.authorization).toBe(`Bearer ${one.result.tokens.accessToken}`);
    expect(one.jar.sessionCookies()).toEqual([]);
    await expect(adapter.refresh(one.result.tokens.refreshToken, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(adapter.refresh(two.tokens.refreshToken, context())).resolves.toMatchObject({ userId: one.user.id });
  });

  it('allDevices uses global scope: every session of the user ends', async () => {
    const one = await signedIn();
    const two = await adapter.login({ email: one.address, password: one.password }, context());
    await adapter.logout(null, context(one.jar), { allDevices: true });

    expect(double().requestsTo('POST', '/logout').at(-1)?.query.scope).toBe('global');
    expect(one.jar.sessionCookies()).toEqual([]);
    await expect(adapter.refresh(two.tokens.refreshToken, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('is a no-op without a session', async () => {
    const before = double().requestsTo('POST', '/logout').length;
    await expect(adapter.logout(null, context())).resolves.toBeUndefined();
    expect(double().requestsTo('POST', '/logout')).toHaveLength(before);
  });
});

describe('supabase adapter: claimsFromCookies', () => {
  it('returns the verified claims of the cookie session, and null without one', async () => {
    const { jar, user } = await signedIn();
    await expect(adapter.claimsFromCookies(jar)).resolves.toMatchObject({ sub: user.id, role: 'authenticated' });
    await expect(adapter.claimsFromCookies(new MemoryCookieJar())).resolves.toBeNull();
  });
});
