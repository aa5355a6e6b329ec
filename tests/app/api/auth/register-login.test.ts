import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { GET as me } from '@/app/api/auth/me/route';
import { asService, queryRows } from '@/lib/db';
import { sql } from 'drizzle-orm';
import { latestMailTo } from '@/lib/mail/outbox';
import { useRateLimitBackend } from '@/lib/ratelimit';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { call, cookiesSet } from '../../../support/http';

const PASSWORD = 'correct horse battery';
let counter = 0;
const newEmail = () => `auth${++counter}-${Date.now()}@example.test`;

describe('register and login', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    useRateLimitBackend(undefined);
    await database.drop();
  });

  it('registers with the contract shape, a session cookie pair and a verification email', async () => {
    const email = newEmail();
    const { status, json, response } = await call(register, { body: { email, password: PASSWORD, fullName: 'Ada Lovelace' } });
    expect(status).toBe(201);
    expect(json).toMatchObject({ success: true, user: { id: expect.any(String), email, fullName: 'Ada Lovelace' }, token: expect.any(String) });
    const cookies = cookiesSet(response);
    expect(cookies.wf_access?.attributes).toMatch(/HttpOnly/i);
    expect(cookies.wf_access?.attributes).toMatch(/SameSite=lax/i);
    expect(cookies.wf_refresh?.value).toBe(json.refreshToken);
    const mail = await latestMailTo(email);
    expect(mail?.text).toMatch(/\/verify-email\?token=/);
    // The token works as a bearer token straight away.
    const profile = await call(me, { bearer: json.token });
    expect(profile.json.user).toMatchObject({ email, fullName: 'Ada Lovelace', role: 'user', tier: 'free', emailVerified: false });
  });

  it('stores the password as a bcrypt hash of cost 12, never the password', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'Hash Check' } });
    const [row] = await asService('test', (tx) =>
      queryRows<{ encrypted_password: string }>(tx, sql`select encrypted_password from auth.users where email = ${email}`),
    );
    expect(row?.encrypted_password).toMatch(/^\$2[aby]\$12\$/);
    expect(row?.encrypted_password).not.toContain(PASSWORD);
  });

  it('refuses a second account with the same email (any case) with 409', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'First' } });
    const { status, json } = await call(register, { body: { email: email.toUpperCase(), password: PASSWORD, fullName: 'Second' } });
    expect(status).toBe(409);
    expect(json.error).toMatchObject({ code: 'EMAIL_TAKEN', fields: { email: expect.any(Array) } });
  });

  it.each([
    ['no body fields', {}, ['email', 'password', 'fullName']],
    ['a malformed email', { email: 'not-an-email', password: PASSWORD, fullName: 'X' }, ['email']],
    ['a short password', { email: 'short@example.test', password: 'short', fullName: 'X' }, ['password']],
    ['a common password', { email: 'common@example.test', password: 'password123', fullName: 'X' }, ['password']],
    ['an empty name', { email: 'noname@example.test', password: PASSWORD, fullName: '   ' }, ['fullName']],
    ['wrong types', { email: 42, password: ['x'], fullName: null }, ['email', 'password', 'fullName']],
  ])('answers 400 naming the fields for %s', async (_label, body, fields) => {
    const { status, json } = await call(register, { body });
    expect(status).toBe(400);
    expect(json).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    expect(Object.keys(json.error.fields).sort()).toEqual([...fields].sort());
  });

  it('answers 400 for malformed JSON, 415 for another content type and 413 for a huge body', async () => {
    expect((await call(register, { rawBody: '{"email":' })).status).toBe(400);
    expect((await call(register, { rawBody: 'email=a', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const huge = await call(register, { body: { email: 'a@b.co', password: PASSWORD, fullName: 'x'.repeat(70_000) } });
    expect(huge.status).toBe(413);
  });

  it('signs in with {user, token, refreshToken}', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'Grace' } });
    const { status, json } = await call(login, { body: { email, password: PASSWORD } });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      success: true,
      user: { email, fullName: 'Grace', role: 'user', tier: 'free' },
      token: expect.any(String),
      refreshToken: expect.any(String),
    });
  });

  it('answers a wrong password and an unknown email with the same 401, in about the same time', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'Timing' } });
    const time = async (body: object) => {
      const started = performance.now();
      const result = await call(login, { body });
      return { ...result, ms: performance.now() - started };
    };
    const median = async (body: object) => {
      const runs = [await time(body), await time(body), await time(body)];
      return runs.sort((a, b) => a.ms - b.ms)[1]!;
    };
    const wrong = await median({ email, password: 'not the password!' });
    const unknown = await median({ email: `nobody-${Date.now()}@example.test`, password: 'not the password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
    // Both pay for one bcrypt comparison at cost 12; neither returns early.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.5);
    expect(unknown.ms).toBeLessThan(wrong.ms * 2);
  });

  it('refuses the 6th failed sign-in within 15 minutes with 429 and Retry-After', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'Limited' } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await call(login, { body: { email, password: 'wrong password!' } })).status).toBe(401);
    }
    const sixth = await call(login, { body: { email, password: PASSWORD } });
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('RATE_LIMITED');
    expect(Number(sixth.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sixth.response.headers.get('x-ratelimit-limit')).toBe('5');
    expect(sixth.response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('clears the failure count after a successful sign-in', async () => {
    const email = newEmail();
    await call(register, { body: { email, password: PASSWORD, fullName: 'Reset' } });
    for (let attempt = 1; attempt <= 4; attempt++) await call(login, { body: { email, password: 'wrong password!' } });
    expect((await call(login, { body: { email, password: PASSWORD } })).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await call(login, { body: { email, password: 'wrong password!' } })).status).toBe(401);
    }
  });

  it('answers 400 naming the fields for a bad login body, never 500', async () => {
    const { status, json } = await call(login, { body: { email: 'x', password: '' } });
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields).sort()).toEqual(['email', 'password']);
  });
});
