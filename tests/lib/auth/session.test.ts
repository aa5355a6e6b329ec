import { asService } from '@/lib/db';
import { resolveSession, verifyAccessTokenRemembered } from '@/lib/auth/session';
import { signAccessToken } from '@/lib/auth/jwt';
import { revokeFamily, startFamily } from '@/lib/auth/built-in/refresh-tokens';
import { profiles } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import type { CookieJar } from '@/lib/auth/types';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser, type TestUser } from '../../support/fixtures';

const noCookies: CookieJar = { getAll: () => [], setAll: () => {} };
const cookieJar = (token: string): CookieJar => ({ getAll: () => [{ name: 'wf_access', value: token }], setAll: () => {} });
const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

async function signedIn(user: TestUser, familyId?: string) {
  const family = familyId ?? (await asService('test-family', (tx) => startFamily(tx, user.id, { ip: null, userAgent: null }))).familyId;
  const { token } = await signAccessToken({ sub: user.id, email: user.email, session_id: family, app_metadata: { role: 'user', tier: 'free' } });
  return { token, family };
}

describe('resolveSession (built-in auth): family check and profile in one transaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('returns the profile-backed session for a live family, by bearer or by cookie', async () => {
    const user = await createTestUser();
    const { token } = await signedIn(user);
    const fromBearer = await resolveSession(bearer(token), noCookies);
    expect(fromBearer?.user).toMatchObject({ id: user.id, email: user.email, role: 'user', tier: 'free' });
    expect((await resolveSession(new Headers(), cookieJar(token)))?.user.id).toBe(user.id);
  });

  it('ends the session once its family is revoked (logout, password reset, reuse)', async () => {
    const user = await createTestUser();
    const { token, family } = await signedIn(user);
    await asService('test-revoke', (tx) => revokeFamily(tx, family, 'logout'));
    expect(await resolveSession(bearer(token), noCookies)).toBeNull();
    expect(await resolveSession(new Headers(), cookieJar(token))).toBeNull();
  });

  it("does not accept another learner's live family as the session", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const { family } = await signedIn(owner);
    const { token } = await signedIn(other, family);
    expect(await resolveSession(bearer(token), noCookies)).toBeNull();
  });

  it('treats a token without a usable session id as signed out, not as an error', async () => {
    const user = await createTestUser();
    const { token: noFamily } = await signAccessToken({ sub: user.id, email: user.email });
    const { token: notUuid } = await signAccessToken({ sub: user.id, email: user.email, session_id: 'not-a-uuid' });
    expect(await resolveSession(bearer(noFamily), noCookies)).toBeNull();
    expect(await resolveSession(bearer(notUuid), noCookies)).toBeNull();
    expect(await resolveSession(new Headers({ authorization: 'Bearer' }), cookieJar(noFamily))).toBeNull();
  });

  it('ends the session of a suspended learner even with a live family', async () => {
    const user = await createTestUser();
    const { token } = await signedIn(user);
    await asService('test-suspend', (tx) => tx.update(profiles).set({ suspendedAt: new Date() }).where(eq(profiles.id, user.id)));
    expect(await resolveSession(bearer(token), noCookies)).toBeNull();
  });

  it('remembers a verified token only until it expires, and never a forged one', async () => {
    const user = await createTestUser();
    const { token } = await signedIn(user);
    const first = await verifyAccessTokenRemembered(token);
    expect(first?.sub).toBe(user.id);
    expect(await verifyAccessTokenRemembered(token)).toBe(first);
    const [header, payload] = token.split('.');
    expect(await verifyAccessTokenRemembered(`${header}.${payload}.${'A'.repeat(43)}`)).toBeNull();
    jest.useFakeTimers({ now: Date.now() + 16 * 60 * 1000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      expect(await verifyAccessTokenRemembered(token)).toBeNull();
      expect(await resolveSession(bearer(token), noCookies)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
