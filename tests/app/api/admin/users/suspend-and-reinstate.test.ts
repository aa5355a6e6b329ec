import { eq } from 'drizzle-orm';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { GET as me } from '@/app/api/auth/me/route';
import { POST as suspend } from '@/app/api/admin/users/[id]/suspend/route';
import { POST as reinstate } from '@/app/api/admin/users/[id]/reinstate/route';
import { asService } from '@/lib/db';
import { auditLog, profiles } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

const PASSWORD = 'correct horse battery';
let counter = 0;

/** A learner signed up and signed in through the API, with a real password, tokens and cookies. */
async function signedInLearner() {
  const email = `suspend${++counter}-${Date.now()}@example.test`;
  const registered = await call(register, { body: { email, password: PASSWORD, fullName: 'Suspend Me' } });
  const { json } = await call(login, { body: { email, password: PASSWORD } });
  return { id: registered.json.user.id as string, email, token: json.token as string, refreshToken: json.refreshToken as string };
}

const auditFor = (targetId: string) =>
  asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.createdAt));

describe('suspending and reinstating users', () => {
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

  const suspendAs = (bearer: string | undefined, id: string, body: unknown = { reason: 'Posting spam in the forums' }) =>
    call(suspend, { method: 'POST', bearer, params: { id }, body, headers: { 'x-request-id': 'req-suspend-1' } });
  const reinstateAs = (bearer: string | undefined, id: string) => call(reinstate, { method: 'POST', bearer, params: { id } });

  it('ends a suspended learner’s sessions on the very next request, and refuses their refresh token', async () => {
    const learner = await signedInLearner();
    expect((await call(me, { bearer: learner.token })).status).toBe(200);
    expect((await call(me, { cookies: { wf_access: learner.token } })).status).toBe(200);

    const suspended = await suspendAs(adminBearer, learner.id);
    expect(suspended.status).toBe(200);
    expect(suspended.json).toMatchObject({
      success: true,
      user: { id: learner.id, suspendedAt: expect.any(String), suspendedReason: 'Posting spam in the forums' },
      sessionsEnded: true,
    });

    expect((await call(me, { bearer: learner.token })).status).toBe(401);
    expect((await call(me, { cookies: { wf_access: learner.token } })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: learner.refreshToken } })).json.error.code).toBe('SESSION_EXPIRED');
    expect((await call(refresh, { cookies: { wf_refresh: learner.refreshToken } })).status).toBe(401);
  });

  it('answers ACCOUNT_SUSPENDED to a suspended learner’s sign-in, but only with the right password', async () => {
    const learner = await signedInLearner();
    await suspendAs(adminBearer, learner.id);
    const right = await call(login, { body: { email: learner.email, password: PASSWORD } });
    expect(right.status).toBe(403);
    expect(right.json.error.code).toBe('ACCOUNT_SUSPENDED');
    const wrong = await call(login, { body: { email: learner.email, password: 'not the password at all' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('lets a reinstated learner sign in again, while the sessions from before stay dead', async () => {
    const learner = await signedInLearner();
    await suspendAs(adminBearer, learner.id);
    const reinstated = await reinstateAs(adminBearer, learner.id);
    expect(reinstated.status).toBe(200);
    expect(reinstated.json.user).toMatchObject({ suspendedAt: null, suspendedReason: null });

    expect((await call(me, { bearer: learner.token })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: learner.refreshToken } })).status).toBe(401);
    const again = await call(login, { body: { email: learner.email, password: PASSWORD } });
    expect(again.status).toBe(200);
    expect((await call(me, { bearer: again.json.token })).status).toBe(200);
  });

  it('revokes sessions from before a suspension when reinstating, even if the suspension did not', async () => {
    const learner = await signedInLearner();
    // Suspended by a server job that ended no session (say, a script), not through the API.
    await asService('test', (tx) => tx.update(profiles).set({ suspendedAt: new Date(), suspendedReason: 'By a script' }).where(eq(profiles.id, learner.id)));
    expect((await call(me, { bearer: learner.token })).status).toBe(401);
    expect((await reinstateAs(adminBearer, learner.id)).status).toBe(200);
    expect((await call(me, { bearer: learner.token })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: learner.refreshToken } })).status).toBe(401);
  });

  it('writes exactly one audit entry per action, with actor, target, before and after', async () => {
    const learner = await signedInLearner();
    await suspendAs(adminBearer, learner.id);
    await reinstateAs(superBearer, learner.id);
    const entries = await auditFor(learner.id);
    expect(entries.map((e) => e.action)).toEqual(['user.suspend', 'user.reinstate']);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: 'user',
      targetLabel: learner.email,
      requestId: 'req-suspend-1',
      before: { role: 'user', suspendedAt: null, suspendedReason: null, adminPermissions: null },
      after: { role: 'user', suspendedAt: expect.any(String), suspendedReason: 'Posting spam in the forums' },
    });
    expect(entries[1]).toMatchObject({
      actorId: superAdmin.id,
      before: { suspendedReason: 'Posting spam in the forums' },
      after: { suspendedAt: null, suspendedReason: null },
    });
  });

  it('lets an admin suspend learners but not another admin; a super admin may', async () => {
    const otherAdmin = await createTestUser({ role: 'admin' });
    const refused = await suspendAs(adminBearer, otherAdmin.id);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/only a super admin/i);
    expect(await auditFor(otherAdmin.id)).toHaveLength(0);

    expect((await suspendAs(superBearer, otherAdmin.id)).status).toBe(200);
    // The suspended admin's own admin requests stop too.
    const theirBearer = await tokenFor(otherAdmin);
    expect((await suspendAs(theirBearer, (await createTestUser()).id)).status).toBe(401);
    expect((await reinstateAs(adminBearer, otherAdmin.id)).status).toBe(403);
    expect((await reinstateAs(superBearer, otherAdmin.id)).status).toBe(200);
  });

  it('lets nobody suspend themselves', async () => {
    const self = await suspendAs(superBearer, superAdmin.id);
    expect(self.status).toBe(403);
    expect(self.json.error.message).toMatch(/your own account/);
    expect((await suspendAs(adminBearer, admin.id)).status).toBe(403);
    expect(await auditFor(superAdmin.id)).toHaveLength(0);
    const [row] = await asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, superAdmin.id)));
    expect(row?.suspendedAt).toBeNull();
  });

  it('answers 409 to suspending twice or reinstating an active account, writing nothing', async () => {
    const learner = await createTestUser();
    await suspendAs(adminBearer, learner.id);
    const twice = await suspendAs(adminBearer, learner.id);
    expect(twice.status).toBe(409);
    expect((await reinstateAs(adminBearer, (await createTestUser()).id)).status).toBe(409);
    expect(await auditFor(learner.id)).toHaveLength(1);
  });

  it.each([
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
    ['a reason that is not text', { reason: 42 }],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }],
  ])('answers 400 naming the reason for %s', async (_label, body) => {
    const learner = await createTestUser();
    const { status, json } = await suspendAs(adminBearer, learner.id, body);
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toEqual(['reason']);
    expect(await auditFor(learner.id)).toHaveLength(0);
  });

  it('refuses the signed-out (401), learners and admins without manage:users (403); 404 for unknown ids', async () => {
    const learner = await createTestUser();
    const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
    expect((await suspendAs(undefined, learner.id)).status).toBe(401);
    expect((await suspendAs(await tokenFor(await createTestUser()), learner.id)).status).toBe(403);
    const asAnalyst = await suspendAs(await tokenFor(analyst), learner.id);
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.json.error.message).toContain('manage:users');
    expect((await reinstateAs(await tokenFor(analyst), learner.id)).status).toBe(403);
    expect((await suspendAs(adminBearer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await suspendAs(adminBearer, 'not-a-user')).status).toBe(404);
    expect((await reinstateAs(adminBearer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await auditFor(learner.id)).toHaveLength(0);
  });
});
