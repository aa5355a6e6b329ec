import { GET } from '@/app/api/health/ready/route';
import { resetEnvForTests } from '@/lib/env';
import { closeRateLimitBackend } from '@/lib/ratelimit';
import { call } from '../../../support/http';
import { createTestDatabase, type TestDatabase } from '../../../support/database';

describe('GET /api/health/ready (readiness)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  // CI sets REDIS_URL for the Redis tests; these cases choose each port's variables themselves.
  const PORT_VARIABLES = ['NEXT_PUBLIC_SUPABASE_URL', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'REDIS_URL', 'S3_BUCKET', 'SENDGRID_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'];
  const saved = Object.fromEntries(PORT_VARIABLES.map((name) => [name, process.env[name]]));
  beforeEach(async () => {
    for (const name of PORT_VARIABLES) delete process.env[name];
    resetEnvForTests();
    await closeRateLimitBackend();
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    resetEnvForTests();
    await closeRateLimitBackend();
  });

  it('answers 200 with each port checked on its embedded default', async () => {
    const { status, json, response } = await call(GET, { path: '/api/health/ready' });
    expect(status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json).toMatchObject({
      success: true,
      data: {
        status: 'ready',
        ports: {
          database: { status: 'up', latencyMs: expect.any(Number) },
          rateLimit: { adapter: 'in-process', status: 'up' },
          storage: { adapter: 'local-files', status: 'up' },
          mail: { adapter: 'outbox', status: 'configured' },
          billing: { adapter: 'off', status: 'configured' },
          auth: { adapter: 'built-in', status: 'configured' },
        },
      },
    });
  });

  it('answers 503 naming the database, without internals, when the database is down', async () => {
    await database.connection.close();
    try {
      const { status, json, response } = await call(GET, { path: '/api/health/ready' });
      expect(status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(json).toMatchObject({
        success: false,
        error: { code: 'SERVICE_UNAVAILABLE', message: 'Not ready: database unreachable' },
        data: { status: 'unavailable', failing: ['database'], ports: { database: { status: 'down' } } },
      });
      expect(JSON.stringify(json)).not.toMatch(/127\.0\.0\.1|localhost|postgres:\/\/|closed|ECONN/i);
    } finally {
      database = await createTestDatabase();
    }
  });

  it('answers 503 naming the rate limiter when its Redis does not answer, within the probe timeout', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6391'; // nothing listens there
    resetEnvForTests();
    const started = Date.now();
    const { status, json } = await call(GET, { path: '/api/health/ready' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(status).toBe(503);
    expect(json.data.failing).toEqual(['rateLimit']);
    expect(json.data.ports.rateLimit).toMatchObject({ adapter: 'redis', status: 'down' });
    expect(JSON.stringify(json)).not.toContain('6391');
  });
});
