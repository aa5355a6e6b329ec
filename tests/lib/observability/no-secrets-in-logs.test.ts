import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { GET as me } from '@/app/api/auth/me/route';
import { route } from '@/lib/api/route';
import { logger } from '@/lib/observability/logger';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { call } from '../../support/http';
import { captureLogs } from './log-capture';

describe('what the logs may never contain', () => {
  let database: TestDatabase;
  let logs: ReturnType<typeof captureLogs>;
  beforeAll(async () => {
    database = await createTestDatabase();
    logs = captureLogs();
  });
  afterAll(async () => {
    logs.stop();
    await database.drop();
  });

  const PASSWORD = 'Zebra-Quantum-4417-secret';

  it('keeps passwords, bearer tokens and refresh tokens out of every line of a sign-up, sign-in and authenticated call', async () => {
    const email = `logs-${Date.now()}@example.test`;
    const signedUp = await call(register, { path: '/api/auth/register', body: { email, password: PASSWORD, fullName: 'Log Tester' }, headers: { 'x-request-id': 'req-register-1' } });
    expect(signedUp.status).toBe(201);
    const signedIn = await call(login, { path: '/api/auth/login', body: { email, password: PASSWORD }, headers: { 'x-request-id': 'req-login-1' } });
    expect(signedIn.status).toBe(200);
    const token = signedIn.json.token as string;
    const refreshToken = signedIn.json.refreshToken as string;
    expect(token.length).toBeGreaterThan(20);
    const wrong = await call(login, { path: '/api/auth/login', body: { email, password: `${PASSWORD}-wrong` } });
    expect(wrong.status).toBe(401);
    const whoAmI = await call(me, { path: '/api/auth/me', bearer: token, cookies: { wf_refresh: refreshToken }, headers: { 'x-request-id': 'req-me-1' } });
    expect(whoAmI.status).toBe(200);

    const output = logs.text();
    // The capture saw the requests: one access line each, with the request id and the caller.
    const access = logs.lines().filter((line) => line.msg === 'request');
    expect(access).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: 'req-register-1', method: 'POST', route: '/api/auth/register', status: 201 }),
        expect.objectContaining({ requestId: 'req-login-1', route: '/api/auth/login', status: 200 }),
        expect.objectContaining({ route: '/api/auth/login', status: 401 }),
        expect.objectContaining({ requestId: 'req-me-1', route: '/api/auth/me', status: 200, userId: signedUp.json.user.id }),
      ]),
    );
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(token);
    expect(output).not.toContain(refreshToken);
    expect(output.toLowerCase()).not.toContain('bearer');
  });

  it('redacts secret-named keys at any depth, and keeps the request id on lines logged by lib code', async () => {
    logs.clear();
    const handler = route(async () => {
      logger().info(
        {
          password: PASSWORD,
          headers: { authorization: 'Bearer abc.def.ghi', cookie: 'wf_access=xyz' },
          user: { profile: { token: 'tok-123456', apiKey: 'key-123456' } },
          nested: { a: { b: { secret: 'deep-secret-value' } } },
        },
        'something happened',
      );
      throw Object.assign(new Error('Failed query: insert into x values ($1)\nparams: Zebra-in-params'), { code: 'XX000' });
    });
    const { status } = await call(handler, { headers: { 'x-request-id': 'req-lib-log-1' } });
    expect(status).toBe(500);
    const output = logs.text();
    for (const secret of [PASSWORD, 'abc.def.ghi', 'wf_access=xyz', 'tok-123456', 'key-123456', 'deep-secret-value', 'Zebra-in-params']) {
      expect(output).not.toContain(secret);
    }
    const lines = logs.lines();
    expect(lines.find((line) => line.msg === 'something happened')).toMatchObject({ requestId: 'req-lib-log-1', password: '[redacted]' });
    expect(lines.find((line) => line.msg === 'unhandled route error')).toMatchObject({ requestId: 'req-lib-log-1', level: 'error', err: { code: 'XX000' } });
  });
});
