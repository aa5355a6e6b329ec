import { supabaseAuthAdapter } from '@/lib/auth/supabase/adapter';
import { ANON_KEY, SERVICE_ROLE_KEY } from './gotrue-double';
import { MemoryCookieJar, ORIGIN, context, pointEnvAt, sessionFor, useGoTrueDouble } from './support';

// Confirmations on, as on a default Supabase project: sign-ups get a mail, not a session.
const adapter = supabaseAuthAdapter();
const { double } = useGoTrueDouble({ autoconfirm: false });
let seq = 0;
const email = () => `account${++seq}@example.com`;

async function signedIn(password = 'current password') {
  const user = double().addUser({ email: email(), password });
  const jar = new MemoryCookieJar();
  const { tokens } = await adapter.login({ email: user.email, password }, context(jar));
  return { user, jar, tokens, session: sessionFor(user) };
}

describe('supabase adapter: register with email confirmation', () => {
  it('returns no tokens, writes no session cookie, and Supabase mails a link back to /verify-email', async () => {
    const jar = new MemoryCookieJar();
    const address = email();
    const { userId, tokens } = await adapter.register({ email: address, password: 'long enough pw', fullName: 'Grace H' }, context(jar));
    expect(tokens).toBeNull();
    expect(userId).toBe(double().userByEmail(address)?.id);
    expect(jar.sessionCookies()).toEqual([]);
    expect(double().mails.at(-1)).toMatchObject({ type: 'signup', email: address, redirectTo: `${ORIGIN}/verify-email` });
  });

  it('answers EMAIL_TAKEN for the stand-in user GoTrue returns for a taken address', async () => {
    const { user } = await signedIn();
    await expect(adapter.register({ email: user.email, password: 'long enough pw', fullName: 'X' }, context())).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
  });
});

describe('supabase adapter: verifyEmail and resendVerification', () => {
  it('redeems the token hash with POST /verify type=email, confirms the user and signs them in', async () => {
    const address = email();
    await adapter.register({ email: address, password: 'long enough pw', fullName: 'V' }, context());
    const mail = double().mails.at(-1)!;
    const jar = new MemoryCookieJar();
    await adapter.verifyEmail(mail.tokenHash, context(jar));
    expect(double().requestsTo('POST', '/verify').at(-1)?.body).toMatchObject({ type: 'email', token_hash: mail.tokenHash });
    expect(double().userByEmail(address)?.confirmedAt).not.toBeNull();
    expect(jar.sessionCookies().length).toBeGreaterThan(0);
  });

  it('answers INVALID_TOKEN for an unknown or already used link', async () => {
    await expect(adapter.verifyEmail('f'.repeat(56), context())).rejects.toMatchObject({ code: 'INVALID_TOKEN', status: 400 });
  });

  it('keeps a GoTrue rate limit as RATE_LIMITED with Retry-After rather than calling the link bad', async () => {
    double().failNext('POST', '/verify', 429);
    await expect(adapter.verifyEmail('f'.repeat(56), context())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      headers: { 'Retry-After': '60' },
    });
  });

  it('resends the confirmation mail to an unverified user, and does nothing for a verified one', async () => {
    const user = double().addUser({ email: email(), password: 'long enough pw', confirmed: false });
    await adapter.resendVerification(sessionFor(user, false), context());
    expect(double().requestsTo('POST', '/resend').at(-1)).toMatchObject({
      body: { email: user.email, type: 'signup' },
      query: { redirect_to: `${ORIGIN}/verify-email` },
    });
    const before = double().requests.length;
    await adapter.resendVerification(sessionFor(user, true), context());
    expect(double().requests).toHaveLength(before);
  });
});

describe('supabase adapter: password reset', () => {
  it('asks Supabase to mail a link to /reset-password', async () => {
    const user = double().addUser({ email: email(), password: 'forgotten pw' });
    await adapter.requestPasswordReset(user.email, context());
    const request = double().requestsTo('POST', '/recover').at(-1);
    expect(request?.body).toMatchObject({ email: user.email });
    expect(request?.query.redirect_to).toBe(`${ORIGIN}/reset-password`);
    expect(request?.headers.apikey).toBe(ANON_KEY);
    expect(double().mails.at(-1)).toMatchObject({ type: 'recovery', email: user.email });
  });

  it('resolves the same way for an unknown address', async () => {
    await expect(adapter.requestPasswordReset('nobody@example.com', context())).resolves.toBeUndefined();
  });

  it('reports an outage as SERVICE_UNAVAILABLE', async () => {
    double().failNext('POST', '/recover', 503);
    await expect(adapter.requestPasswordReset('someone@example.com', context())).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('redeems the recovery link, sets the new password and ends every session', async () => {
    const { user, jar, tokens } = await signedIn('forgotten pw');
    await adapter.requestPasswordReset(user.email, context());
    const mail = double().mails.at(-1)!;

    await adapter.resetPassword(mail.tokenHash, 'brand new password', context(jar));
    expect(double().requestsTo('POST', '/verify').at(-1)?.body).toMatchObject({ type: 'recovery', token_hash: mail.tokenHash });
    expect(double().requestsTo('PUT', '/user').at(-1)?.body).toMatchObject({ password: 'brand new password' });
    expect(double().requestsTo('POST', '/logout').map((r) => r.query.scope)).toContain('global');
    expect(user.password).toBe('brand new password');
    expect(jar.sessionCookies()).toEqual([]);
    await expect(adapter.refresh(tokens.refreshToken, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(adapter.resetPassword(mail.tokenHash, 'another new password', context())).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});

describe('supabase adapter: changePassword', () => {
  it('checks the current password on a separate client, updates it, and ends the other sessions', async () => {
    const { user, jar, session, tokens } = await signedIn();
    const other = await adapter.login({ email: user.email, password: 'current password' }, context());

    await adapter.changePassword(session, 'current password', 'a better password', context(jar));
    const update = double().requestsTo('PUT', '/user').at(-1);
    expect(update?.body).toMatchObject({ password: 'a better password' });
    // The update ran in the re-verification session, not the cookie session.
    expect(update?.headers.authorization).not.toBe(`Bearer ${tokens.accessToken}`);
    expect(user.password).toBe('a better password');
    expect(jar.sessionCookies().length).toBeGreaterThan(0);
    await expect(adapter.refresh(null, context(jar))).resolves.toMatchObject({ userId: user.id });
    await expect(adapter.refresh(other.tokens.refreshToken, context())).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('answers INVALID_CREDENTIALS on the currentPassword field for a wrong current password', async () => {
    const { user, jar, session } = await signedIn();
    const attempt = adapter.changePassword(session, 'not my password', 'a better password', context(jar));
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', fields: { currentPassword: [expect.any(String)] } });
    expect(user.password).toBe('current password');
  });

  it('answers WEAK_PASSWORD on the newPassword field when Supabase refuses the new password', async () => {
    const { jar, session } = await signedIn();
    await expect(adapter.changePassword(session, 'current password', 'short', context(jar))).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
      fields: { newPassword: [expect.any(String)] },
    });
  });
});

describe('supabase adapter: deleteAccount', () => {
  it('verifies the password, deletes the user with the service-role key and clears the cookies', async () => {
    const { user, jar, session } = await signedIn();
    await adapter.deleteAccount(session, 'current password', context(jar));
    const deletion = double().requestsTo('DELETE', `/admin/users/${user.id}`).at(-1);
    expect(deletion?.headers.authorization).toBe(`Bearer ${SERVICE_ROLE_KEY}`);
    expect(deletion?.headers.apikey).toBe(SERVICE_ROLE_KEY);
    expect(double().users.has(user.id)).toBe(false);
    expect(jar.sessionCookies()).toEqual([]);
  });

  it('answers INVALID_CREDENTIALS for a wrong password and deletes nothing', async () => {
    const { user, jar, session } = await signedIn();
    await expect(adapter.deleteAccount(session, 'wrong password', context(jar))).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(double().users.has(user.id)).toBe(true);
  });

  it('answers SERVICE_UNAVAILABLE without SUPABASE_SERVICE_ROLE_KEY, before checking the password', async () => {
    const { user, jar, session } = await signedIn();
    pointEnvAt(double(), { serviceRoleKey: false });
    try {
      const before = double().requests.length;
      await expect(adapter.deleteAccount(session, 'current password', context(jar))).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Account deletion needs SUPABASE_SERVICE_ROLE_KEY',
      });
      expect(double().requests).toHaveLength(before);
      expect(double().users.has(user.id)).toBe(true);
    } finally {
      pointEnvAt(double());
    }
  });
});
