import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { POST as login } from '@/app/api/auth/login/route';
import { parseEnv, resetEnvForTests } from '@/lib/env';
import { closeRateLimitBackend, useRateLimitBackend } from '@/lib/ratelimit';
import { createRateLimitBackend } from '@/lib/ratelimit/backend';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { call } from '../support/http';
import { deleteKeys, describeWithRedis, localRedis, redisUrl, uniquePrefix } from '../lib/ratelimit/redis-harness';

const passedThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

function request(path: string, method = 'GET', ip = '203.0.113.9') {
  return new NextRequest(`http://localhost${path}`, { method, headers: { 'x-forwarded-for': ip } });
}

const CREDENTIAL_WRITES = ['/api/auth/login', '/api/auth/register', '/api/auth/forgot-password', '/api/auth/reset-password', '/api/auth/change-password'];

describe('the API rate limit while its Redis is configured but down', () => {
  let database: TestDatabase;
  const saved = { REDIS_URL: process.env.REDIS_URL, TRUST_PROXY: process.env.TRUST_PROXY };
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.REDIS_URL = 'redis://127.0.0.1:6391'; // nothing listens there
    process.env.TRUST_PROXY = 'true';
    resetEnvForTests();
    await closeRateLimitBackend();
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
    await closeRateLimitBackend();
    await database.drop();
    // ioredis arms a 2 s timer when disconnecting a client that never connected; let it fire.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });

  it('fails closed for sign-in and the other credential endpoints: 503 RATE_LIMIT_UNAVAILABLE', async () => {
    for (const path of CREDENTIAL_WRITES) {
      const response = await proxy(request(path, 'POST'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ success: false, error: { code: 'RATE_LIMIT_UNAVAILABLE', message: expect.any(String) } });
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('fails open for reads: every GET is served, with no limit applied', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await proxy(request('/api/quests'));
      expect(passedThrough(response)).toBe(true);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('keeps per-instance limits for other writes', async () => {
    const ip = '203.0.113.77';
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await proxy(request('/api/auth/logout', 'POST', ip)));
    expect(results.slice(0, 20).every(passedThrough)).toBe(true);
    expect(results[20]?.status).toBe(429);
  });

  it('makes the login route itself answer 503 too (its own per-account limit fails closed)', async () => {
    const { status, json, response } = await call(login, { path: '/api/auth/login', body: { email: 'someone@example.test', password: 'whatever it is' } });
    expect(status).toBe(503);
    expect(json.error.code).toBe('RATE_LIMIT_UNAVAILABLE');
    expect(response.headers.get('retry-after')).toBe('5');
  });
});

describeWithRedis('the API rate limit with its Redis up', () => {
  let database: TestDatabase;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.TRUST_PROXY = 'true';
    resetEnvForTests();
    useRateLimitBackend(createRateLimitBackend(parseEnv({ NODE_ENV: 'test', REDIS_URL: redisUrl }), { prefix }));
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    resetEnvForTests();
    await closeRateLimitBackend();
    const redis = localRedis();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await database.drop();
  });

  it('still limits reads and sign-in attempts normally', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const reads = [];
    for (let i = 0; i < 21; i++) reads.push(await proxy(request('/api/quests', 'GET', ip)));
    expect(reads.slice(0, 20).every(passedThrough)).toBe(true);
    expect(reads[20]?.status).toBe(429);

    const email = `limited-${randomUUID()}@example.test`;
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await call(login, { path: '/api/auth/login', body: { email, password: 'not the password' } }));
    expect(attempts.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[5]?.json.error.code).toBe('RATE_LIMITED');
  });
});
