import { eq } from 'drizzle-orm';
import { GET as listUsers } from '@/app/api/admin/users/route';
import { PATCH as changeRole } from '@/app/api/admin/users/[id]/role/route';
import { PATCH as setPermissions } from '@/app/api/admin/users/[id]/permissions/route';
import { asService } from '@/lib/db';
import { auditLog, profiles } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

const auditFor = (targetId: string) => asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, targetId)));
const profileOf = async (id: string) => (await asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, id))))[0]!;

describe('changing roles and admin permissions', () => {
  let database: TestDatabase;
  let admin: TestUser;
  let superAdmin: TestUser;
  let adminBearer: string;
  let superBearer: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin' });
    superAdmin = await createTestUser({ role: 'super_admin' });
    [adminBearer, superBearer] = await Promise.all([tokenFor(admin), tokenFor(superAdmin)]);
  });
  afterAll(async () => {
    await database.drop();
  });

  const roleAs = (bearer: string | undefined, id: string, body: unknown) => call(changeRole, { method: 'PATCH', bearer, params: { id }, body });
  const permissionsAs = (bearer: string | undefined, id: string, body: unknown) => call(setPermissions, { method: 'PATCH', bearer, params: { id }, body });

  describe('PATCH /api/admin/users/:id/role', () => {
    it('lets an admin make a learner premium, logged with before and after', async () => {
      const learner = await createTestUser();
      const { status, json } = await roleAs(adminBearer, learner.id, { role: 'premium' });
      expect(status).toBe(200);
      expect(json).toMatchObject({ success: true, changed: true, user: { id: learner.id, role: 'premium' } });
      expect((await profileOf(learner.id)).role).toBe('premium');
      const entries = await auditFor(learner.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'user.role_change',
        actorId: admin.id,
        actorEmail: admin.email,
        targetType: 'user',
        targetLabel: learner.email,
        before: { role: 'user' },
        after: { role: 'premium' },
      });
    });

    it('refuses an admin granting admin rights (403, nothing written); a super admin may', async () => {
      const learner = await createTestUser();
      const refused = await roleAs(adminBearer, learner.id, { role: 'admin' });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toMatch(/only a super admin grants or removes admin rights/i);
      expect((await profileOf(learner.id)).role).toBe('user');
      expect(await auditFor(learner.id)).toHaveLength(0);

      const granted = await roleAs(superBearer, learner.id, { role: 'admin' });
      expect(granted.status).toBe(200);
      expect(granted.json.user).toMatchObject({ role: 'admin', adminPermissions: null });
      expect(await auditFor(learner.id)).toHaveLength(1);
    });

    it('refuses an admin demoting another admin; a super admin demotes and clears their permission list', async () => {
      const narrowed = await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] });
      expect((await roleAs(adminBearer, narrowed.id, { role: 'user' })).status).toBe(403);
      const demoted = await roleAs(superBearer, narrowed.id, { role: 'user' });
      expect(demoted.status).toBe(200);
      expect(demoted.json.user).toMatchObject({ role: 'user', adminPermissions: null });
      expect((await auditFor(narrowed.id))[0]).toMatchObject({
        before: { role: 'admin', adminPermissions: ['update:quests'] },
        after: { role: 'user', adminPermissions: null },
      });
    });

    it('lets nobody change their own role', async () => {
      const own = await roleAs(superBearer, superAdmin.id, { role: 'user' });
      expect(own.status).toBe(403);
      expect(own.json.error.message).toMatch(/your own role/);
      expect((await roleAs(adminBearer, admin.id, { role: 'super_admin' })).status).toBe(403);
      expect((await profileOf(superAdmin.id)).role).toBe('super_admin');
      expect(await auditFor(superAdmin.id)).toHaveLength(0);
    });

    it('changes and logs nothing when the role is already the one asked for', async () => {
      const learner = await createTestUser();
      const { status, json } = await roleAs(adminBearer, learner.id, { role: 'user' });
      expect(status).toBe(200);
      expect(json.changed).toBe(false);
      expect(await auditFor(learner.id)).toHaveLength(0);
    });

    it.each([
      ['a missing role', {}],
      ['an unknown role', { role: 'owner' }],
      ['a role that is not text', { role: 3 }],
    ])('answers 400 naming role for %s', async (_label, body) => {
      const learner = await createTestUser();
      const { status, json } = await roleAs(adminBearer, learner.id, body);
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual(['role']);
    });

    it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
      const learner = await createTestUser();
      expect((await call(changeRole, { method: 'PATCH', bearer: adminBearer, params: { id: learner.id }, rawBody: '{"role":' })).status).toBe(400);
      const form = await call(changeRole, {
        method: 'PATCH',
        bearer: adminBearer,
        params: { id: learner.id },
        rawBody: 'role=admin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    });

    it('refuses the signed-out, learners and admins without manage:users; 404 for unknown ids', async () => {
      const learner = await createTestUser();
      const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
      expect((await roleAs(undefined, learner.id, { role: 'premium' })).status).toBe(401);
      expect((await roleAs(await tokenFor(await createTestUser()), learner.id, { role: 'premium' })).status).toBe(403);
      expect((await roleAs(await tokenFor(analyst), learner.id, { role: 'premium' })).status).toBe(403);
      expect((await roleAs(adminBearer, '00000000-0000-4000-8000-000000000000', { role: 'premium' })).status).toBe(404);
      expect((await roleAs(adminBearer, 'nobody', { role: 'premium' })).status).toBe(404);
      expect((await profileOf(learner.id)).role).toBe('user');
    });
  });

  describe('PATCH /api/admin/users/:id/permissions', () => {
    it('lets a super admin narrow an admin, which takes effect on the admin’s next request', async () => {
      const other = await createTestUser({ role: 'admin' });
      const otherBearer = await tokenFor(other);
      expect((await call(listUsers, { bearer: otherBearer })).status).toBe(200);

      const narrowed = await permissionsAs(superBearer, other.id, { adminPermissions: ['view:analytics', 'update:quests'] });
      expect(narrowed.status).toBe(200);
      // Stored in the canonical order, whatever order was sent.
      expect(narrowed.json.user.adminPermissions).toEqual(['update:quests', 'view:analytics']);
      expect((await call(listUsers, { bearer: otherBearer })).status).toBe(403);
      expect((await auditFor(other.id))[0]).toMatchObject({
        action: 'user.permissions_change',
        actorId: superAdmin.id,
        before: { adminPermissions: null },
        after: { adminPermissions: ['update:quests', 'view:analytics'] },
      });

      const widened = await permissionsAs(superBearer, other.id, { adminPermissions: null });
      expect(widened.json.user.adminPermissions).toBeNull();
      expect((await call(listUsers, { bearer: otherBearer })).status).toBe(200);
      expect(await auditFor(other.id)).toHaveLength(2);
    });

    it('is for super admins only', async () => {
      const other = await createTestUser({ role: 'admin' });
      const refused = await permissionsAs(adminBearer, other.id, { adminPermissions: ['view:analytics'] });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toMatch(/only a super admin/i);
      expect((await profileOf(other.id)).adminPermissions).toBeNull();
      expect(await auditFor(other.id)).toHaveLength(0);
    });

    it('answers 409 for an account that is not an admin', async () => {
      const learner = await createTestUser();
      expect((await permissionsAs(superBearer, learner.id, { adminPermissions: [] })).status).toBe(409);
      expect((await permissionsAs(superBearer, superAdmin.id, { adminPermissions: [] })).status).toBe(409);
    });

    it.each([
      ['a missing list', {}, 'adminPermissions'],
      ['an unknown permission', { adminPermissions: ['drop:database'] }, 'adminPermissions.0'],
      ['read:quests, which every role holds', { adminPermissions: ['read:quests'] }, 'adminPermissions.0'],
      ['a repeated permission', { adminPermissions: ['view:analytics', 'view:analytics'] }, 'adminPermissions'],
      ['a string instead of a list', { adminPermissions: 'view:analytics' }, 'adminPermissions'],
    ])('answers 400 naming the field for %s', async (_label, body, field) => {
      const other = await createTestUser({ role: 'admin' });
      const { status, json } = await permissionsAs(superBearer, other.id, body);
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual([field]);
    });

    it('refuses the signed-out, learners and admins without manage:users; 404 for unknown ids', async () => {
      const other = await createTestUser({ role: 'admin' });
      const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
      const body = { adminPermissions: ['view:analytics'] };
      expect((await permissionsAs(undefined, other.id, body)).status).toBe(401);
      expect((await permissionsAs(await tokenFor(await createTestUser()), other.id, body)).status).toBe(403);
      expect((await permissionsAs(await tokenFor(analyst), other.id, body)).status).toBe(403);
      expect((await permissionsAs(superBearer, '00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
    });
  });
});
