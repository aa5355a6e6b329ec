import { z } from 'zod';
import { ok } from '@/lib/api/respond';
import { route, withPermission, withUser } from '@/lib/api/route';
import { parseJsonBody } from '@/lib/api/parse';
import { asService, asUser } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser, type TestUser } from '../../support/fixtures';
import { call } from '../../support/http';
import { tokenFor } from '../../support/sessions';
import { captureLogs } from '../observability/log-capture';

describe('route wrappers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const analytics = withPermission('view:analytics', async (_req, { session }) => ok({ role: session.user.role }));

  it('answers 401 to anonymous callers and 403 to a learner without the permission', async () => {
    const learner = await createTestUser();
    expect((await call(analytics)).status).toBe(401);
    const denied = await call(analytics, { bearer: await tokenFor(learner) });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('view:analytics') });
  });

  it('lets an admin through', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const allowed = await call(analytics, { bearer: await tokenFor(admin) });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toEqual({ success: true, role: 'admin' });
  });

  it('reads the role from the database, so a demotion applies before the token expires', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const token = await tokenFor(admin);
    await asService('test', (tx) => tx.update(profiles).set({ role: 'user' }).where(eq(profiles.id, admin.id)));
    expect((await call(analytics, { bearer: token })).status).toBe(403);
  });

  it('turns an RLS refusal into 403, not 500', async () => {
    const learner = await createTestUser();
    const promote = withUser(async (_req, { session }) => {
      await asUser(session.claims, (tx) => tx.update(profiles).set({ role: 'admin' }).where(eq(profiles.id, session.user.id)));
      return ok({});
    });
    const { status, json } = await call(promote, { method: 'POST', bearer: await tokenFor(learner) });
    expect(status).toBe(403);
    expect(json.error.code).toBe('FORBIDDEN');
  });

  it('answers an unexpected error with 500, the request id and no internals, and logs it', async () => {
    const logs = captureLogs();
    try {
      const broken = route(async () => {
        throw new Error('connection string postgres://secret@db');
      });
      const { status, json, response } = await call(broken, { headers: { 'x-request-id': 'req-abcdef12' } });
      expect(status).toBe(500);
      expect(json.error).toEqual({ code: 'INTERNAL_ERROR', message: 'Something went wrong (request req-abcdef12)' });
      expect(JSON.stringify(json)).not.toContain('secret');
      expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'unhandled route error', requestId: 'req-abcdef12' }));
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-request-id')).toBe('req-abcdef12');
    } finally {
      logs.stop();
    }
  });

  it('writes one access line per request with method, route pattern, status, duration and the caller', async () => {
    const logs = captureLogs();
    try {
      const learner = await createTestUser();
      const handler = withUser(async () => ok({}, { status: 201 }));
      await call(handler, { method: 'POST', path: '/api/progress/abc/steps/2', bearer: await tokenFor(learner), headers: { 'x-request-id': 'req-access-1' } });
      const access = logs.lines().filter((line) => line.msg === 'request');
      expect(access).toHaveLength(1);
      expect(access[0]).toEqual(
        expect.objectContaining({
          level: 'info',
          requestId: 'req-access-1',
          method: 'POST',
          route: '/api/progress/[id]/steps/[position]',
          status: 201,
          durationMs: expect.any(Number),
          userId: learner.id,
        }),
      );
    } finally {
      logs.stop();
    }
  });

  it('validates bodies, naming nested fields', async () => {
    const echo = route(async (request) => ok(await parseJsonBody(request, z.object({ a: z.object({ b: z.number() }) }))));
    const { status, json } = await call(echo, { body: { a: { b: 'x' } } });
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toEqual(['a.b']);
  });
});
