import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { POST as verifyEmail } from '@/app/api/auth/verify-email/route';
import { POST as resendVerification } from '@/app/api/auth/resend-verification/route';
import { POST as forgotPassword } from '@/app/api/auth/forgot-password/route';
import { POST as resetPassword } from '@/app/api/auth/reset-password/route';
import { POST as changePassword } from '@/app/api/auth/change-password/route';
import { DELETE as deleteMe, GET as me, PATCH as updateMe } from '@/app/api/auth/me/route';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import { latestMailTo } from '@/lib/mail/outbox';
import { linksIn } from '@/lib/mail/links';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { call } from '../../../support/http';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'another long passphrase';
let counter = 0;

async function signUp() {
  const email = `account${++counter}-${Date.now()}@example.test`;
  const { json } = await call(register, { body: { email, password: PASSWORD, fullName: 'Account Tester' } });
  return { email, id: json.user.id as string, token: json.token as string, refreshToken: json.refreshToken as string };
}

async function tokenFromMail(email: string, path: string): Promise<string> {
  const mail = await latestMailTo(email);
  const link = linksIn(mail?.text ?? '').find((l) => l.includes(path));
  if (!link) throw new Error(`no ${path} link mailed to ${email}`);
  return new URL(link).searchParams.get('token')!;
}

describe('account lifecycle', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  describe('email verification', () => {
    it('verifies the address with the mailed link, once', async () => {
      const user = await signUp();
      const token = await tokenFromMail(user.email, '/verify-email');
      expect((await call(verifyEmail, { body: { token } })).status).toBe(200);
      expect((await call(me, { bearer: user.token })).json.user.emailVerified).toBe(true);
      const again = await call(verifyEmail, { body: { token } });
      expect(again.status).toBe(400);
      expect(again.json.error).toMatchObject({ code: 'INVALID_TOKEN', fields: { token: expect.any(Array) } });
    });

    it('refuses unknown, malformed and expired tokens', async () => {
      expect((await call(verifyEmail, { body: { token: 'x'.repeat(43) } })).status).toBe(400);
      expect((await call(verifyEmail, { body: {} })).json.error.fields).toHaveProperty('token');
      const user = await signUp();
      const token = await tokenFromMail(user.email, '/verify-email');
      jest.useFakeTimers({ now: Date.now() + 25 * 60 * 60 * 1000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      try {
        expect((await call(verifyEmail, { body: { token } })).status).toBe(400);
      } finally {
        jest.useRealTimers();
      }
    });

    it('resends a fresh link that replaces the old one', async () => {
      const user = await signUp();
      const first = await tokenFromMail(user.email, '/verify-email');
      expect((await call(resendVerification, { body: {}, bearer: user.token })).status).toBe(200);
      const second = await tokenFromMail(user.email, '/verify-email');
      expect(second).not.toBe(first);
      expect((await call(verifyEmail, { body: { token: first } })).status).toBe(400);
      expect((await call(verifyEmail, { body: { token: second } })).status).toBe(200);
      expect((await call(resendVerification, { body: {} })).status).toBe(401);
    });
  });

  describe('password reset', () => {
    it('answers the same for known and unknown emails', async () => {
      const user = await signUp();
      const known = await call(forgotPassword, { body: { email: user.email } });
      const unknown = await call(forgotPassword, { body: { email: `nobody-${Date.now()}@example.test` } });
      expect(known.status).toBe(200);
      expect(unknown.json).toEqual(known.json);
      expect((await call(forgotPassword, { body: { email: 'nope' } })).status).toBe(400);
    });

    it('sets a new password with the mailed link, once, and ends every session', async () => {
      const user = await signUp();
      await call(forgotPassword, { body: { email: user.email } });
      const token = await tokenFromMail(user.email, '/reset-password');
      expect((await call(resetPassword, { body: { token, password: NEW_PASSWORD } })).status).toBe(200);
      expect((await call(login, { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
      expect((await call(login, { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);
      expect((await call(me, { bearer: user.token })).status).toBe(401);
      expect((await call(refresh, { body: { refreshToken: user.refreshToken } })).status).toBe(401);
      expect((await call(resetPassword, { body: { token, password: 'yet another passphrase' } })).status).toBe(400);
    });

    it('refuses a weak new password, naming the field, and keeps the link usable', async () => {
      const user = await signUp();
      await call(forgotPassword, { body: { email: user.email } });
      const token = await tokenFromMail(user.email, '/reset-password');
      const weak = await call(resetPassword, { body: { token, password: 'short' } });
      expect(weak.status).toBe(400);
      expect(weak.json.error.fields).toHaveProperty('password');
      expect((await call(resetPassword, { body: { token, password: NEW_PASSWORD } })).status).toBe(200);
    });

    it('refuses an expired reset link', async () => {
      const user = await signUp();
      await call(forgotPassword, { body: { email: user.email } });
      const token = await tokenFromMail(user.email, '/reset-password');
      jest.useFakeTimers({ now: Date.now() + 61 * 60 * 1000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      try {
        expect((await call(resetPassword, { body: { token, password: NEW_PASSWORD } })).status).toBe(400);
      } finally {
        jest.useRealTimers();
      }
    });
  });

  describe('profile, password and deletion', () => {
    it('updates the name as the user; role and tier stay out of reach', async () => {
      const user = await signUp();
      const updated = await call(updateMe, { method: 'PATCH', body: { fullName: 'New Name', role: 'admin' }, bearer: user.token });
      expect(updated.status).toBe(200);
      expect(updated.json.user).toMatchObject({ fullName: 'New Name', role: 'user' });
      expect((await call(updateMe, { method: 'PATCH', body: { fullName: '' }, bearer: user.token })).status).toBe(400);
      expect((await call(updateMe, { method: 'PATCH', body: { fullName: 'Anon' } })).status).toBe(401);
    });

    it('saves learning preferences (time zone, leaderboard opt-in) and refuses bad values by name', async () => {
      const user = await signUp();
      const saved = await call(updateMe, { method: 'PATCH', body: { timeZone: 'Asia/Tokyo', leaderboardOptIn: true }, bearer: user.token });
      expect(saved.status).toBe(200);
      expect((await call(me, { bearer: user.token })).json.user).toMatchObject({ timeZone: 'Asia/Tokyo', leaderboardOptIn: true, fullName: 'Account Tester' });
      const badZone = await call(updateMe, { method: 'PATCH', body: { timeZone: 'Mars/Olympus_Mons' }, bearer: user.token });
      expect(badZone.status).toBe(400);
      expect(badZone.json.error.fields).toHaveProperty('timeZone');
      const badFlag = await call(updateMe, { method: 'PATCH', body: { leaderboardOptIn: 'yes' }, bearer: user.token });
      expect(badFlag.json.error.fields).toHaveProperty('leaderboardOptIn');
      expect((await call(updateMe, { method: 'PATCH', body: {}, bearer: user.token })).status).toBe(400);
    });

    it('changes the password after checking the current one, signing out other devices', async () => {
      const user = await signUp();
      const other = (await call(login, { body: { email: user.email, password: PASSWORD } })).json;
      const wrong = await call(changePassword, { body: { currentPassword: 'not my password', newPassword: NEW_PASSWORD }, bearer: user.token });
      expect(wrong.status).toBe(401);
      expect(wrong.json.error.fields).toHaveProperty('currentPassword');
      const same = await call(changePassword, { body: { currentPassword: PASSWORD, newPassword: PASSWORD }, bearer: user.token });
      expect(same.status).toBe(400);
      expect((await call(changePassword, { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, bearer: user.token })).status).toBe(200);
      expect((await call(me, { bearer: user.token })).status).toBe(200);
      expect((await call(me, { bearer: other.token })).status).toBe(401);
      expect((await call(login, { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);
    });

    it('deletes the account and its data only with the password', async () => {
      const user = await signUp();
      expect((await call(deleteMe, { method: 'DELETE', body: { password: 'wrong password' }, bearer: user.token })).status).toBe(401);
      expect((await call(deleteMe, { method: 'DELETE', body: {}, bearer: user.token })).status).toBe(400);
      expect((await call(deleteMe, { method: 'DELETE', body: { password: PASSWORD } })).status).toBe(401);
      expect((await call(deleteMe, { method: 'DELETE', body: { password: PASSWORD }, bearer: user.token })).status).toBe(200);
      const left = await asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, user.id)));
      expect(left).toEqual([]);
      expect((await call(login, { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
    });
  });
});
