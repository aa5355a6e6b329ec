import { GET as listAudit } from '@/app/api/admin/audit/route';
import { PATCH as changeRole } from '@/app/api/admin/users/[id]/role/route';
import { POST as suspend } from '@/app/api/admin/users/[id]/suspend/route';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

describe('GET /api/admin/audit', () => {
  let database: TestDatabase;
  let admin: TestUser;
  let superAdmin: TestUser;
  let adminBearer: string;
  let superBearer: string;
  let learners: TestUser[];

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin', email: 'audit-admin@example.test' });
    superAdmin = await createTestUser({ role: 'super_admin', email: 'audit-super@example.test' });
    [adminBearer, superBearer] = await Promise.all([tokenFor(admin), tokenFor(superAdmin)]);
    learners = await Promise.all(Array.from({ length: 3 }, () => createTestUser()));
    // Five entries: three role changes by the admin, two suspensions by the super admin.
    for (const learner of learners) {
      await call(changeRole, { method: 'PATCH', bearer: adminBearer, params: { id: learner.id }, body: { role: 'premium' } });
    }
    for (const learner of learners.slice(0, 2)) {
      await call(suspend, { method: 'POST', bearer: superBearer, params: { id: learner.id }, body: { reason: 'Audit route test' } });
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  const audit = (query = '', bearer: string | null = superBearer) => call(listAudit, { path: `/api/admin/audit${query}`, bearer: bearer ?? undefined });
  const actions = (json: Record<string, any>) => (json.entries as { action: string }[]).map((e) => e.action);

  it('lists every entry, newest first, with who, what, target, when, before and after', async () => {
    const { status, json } = await audit();
    expect(status).toBe(200);
    expect(actions(json)).toEqual(['user.suspend', 'user.suspend', 'user.role_change', 'user.role_change', 'user.role_change']);
    expect(json.nextCursor).toBeNull();
    expect(json.entries[4]).toEqual({
      id: expect.any(String),
      actorId: admin.id,
      actorEmail: 'audit-admin@example.test',
      action: 'user.role_change',
      targetType: 'user',
      targetId: learners[0]!.id,
      targetLabel: learners[0]!.email,
      before: expect.objectContaining({ role: 'user' }),
      after: expect.objectContaining({ role: 'premium' }),
      requestId: null,
      createdAt: expect.any(String),
    });
  });

  it('filters by actor (id or part of the email), action, action family, target and dates', async () => {
    expect((await audit(`?actor=${admin.id}`)).json.entries).toHaveLength(3);
    expect((await audit('?actor=AUDIT-SUPER')).json.entries).toHaveLength(2);
    expect((await audit('?action=user.suspend')).json.entries).toHaveLength(2);
    expect((await audit('?action=user')).json.entries).toHaveLength(5);
    expect((await audit('?action=quest')).json.entries).toHaveLength(0);
    expect(actions((await audit(`?targetType=user&targetId=${learners[0]!.id}`)).json)).toEqual(['user.suspend', 'user.role_change']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).json.entries).toHaveLength(5);
    expect((await audit('?to=2000-01-01')).json.entries).toHaveLength(0);
    expect((await audit('?from=2999-01-01')).json.entries).toHaveLength(0);
  });

  it('pages with a cursor, without gaps or repeats, keeping the filters', async () => {
    const first = await audit('?limit=2');
    expect(first.json.entries).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await audit(`?limit=2&cursor=${first.json.nextCursor}`);
    const third = await audit(`?limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json.entries).toHaveLength(1);
    expect(third.json.nextCursor).toBeNull();
    const ids = [...first.json.entries, ...second.json.entries, ...third.json.entries].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual((await audit()).json.entries.map((e: { id: string }) => e.id));

    const filtered = await audit(`?action=user.role_change&limit=2`);
    const rest = await audit(`?action=user.role_change&limit=2&cursor=${filtered.json.nextCursor}`);
    expect(actions(rest.json)).toEqual(['user.role_change']);
  });

  it.each([
    ['from', '?from=2025-13-01'],
    ['to', '?to=yesterday'],
    ['to', '?from=2025-02-01&to=2025-01-01'],
    ['action', '?action=User.Suspend'],
    ['targetType', '?targetType=user;drop'],
    ['limit', '?limit=0'],
    ['limit', '?limit=101'],
    ['cursor', '?cursor=bm90LWEtY3Vyc29y'],
  ])('answers 400 naming %s for %s', async (field, query) => {
    const { status, json } = await audit(query);
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toEqual([field]);
  });

  it('is refused to the signed-out (401), learners, analysts and admins who manage users (403)', async () => {
    expect((await audit('', null)).status).toBe(401);
    expect((await audit('', await tokenFor(learners[2]!))).status).toBe(403);
    const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
    expect((await audit('', await tokenFor(analyst))).status).toBe(403);
    const refused = await audit('', adminBearer);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/super admins/);
  });
});
