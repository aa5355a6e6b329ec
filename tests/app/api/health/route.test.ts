import { GET } from '@/app/api/health/route';
import { resetEnvForTests } from '@/lib/env';
import { createTestDatabase, type TestDatabase } from '../../../support/database';

describe('GET /api/health', () => {
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
  beforeEach(() => {
    for (const name of PORT_VARIABLES) delete process.env[name];
    resetEnvForTests();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    resetEnvForTests();
  });

  it('reports the database up and each port on its embedded default', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      success: true,
      status: 'ok',
      ports: {
        database: { status: 'up' },
        auth: { adapter: 'built-in', embedded: true },
        rateLimit: { adapter: 'in-process', embedded: true },
        storage: { adapter: 'local-files', embedded: true },
        mail: { adapter: 'outbox', embedded: true },
        billing: { adapter: 'off', embedded: true },
      },
    });
    expect(body.ports.database.latencyMs).toEqual(expect.any(Number));
  });

  it('names the real backend a port is pointed at', async () => {
    process.env.STRIPE_SECRET_KEY = 'sk_test_health';
    process.env.STRIPE_WEBHOOK_SECRET = 'whsec_health';
    resetEnvForTests();
    const body = await (await GET()).json();
    expect(body.ports.billing).toEqual({ adapter: 'stripe', embedded: false });
  });

  it('answers 503 without internals when the database is down', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    await database.connection.close();
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ success: false, status: 'degraded', ports: { database: { status: 'down', error: 'database unreachable' } } });
    } finally {
      spy.mockRestore();
      database = await createTestDatabase();
    }
  });
});
