import { GET } from '@/app/api/health/route';
import { call } from '../../../support/http';
import { createTestDatabase, type TestDatabase } from '../../../support/database';

describe('GET /api/health (liveness)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('answers 200 ok, uncached', async () => {
    const { status, json, response } = await call(GET, { path: '/api/health' });
    expect(status).toBe(200);
    expect(json).toEqual({ success: true, data: { status: 'ok', uptimeSeconds: expect.any(Number) } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('does not ask the database: it stays 200 while the database is down', async () => {
    await database.connection.close();
    try {
      const { status, json } = await call(GET, { path: '/api/health' });
      expect(status).toBe(200);
      expect(json.data.status).toBe('ok');
    } finally {
      database = await createTestDatabase();
    }
  });
});
