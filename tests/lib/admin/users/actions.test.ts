import { eq } from 'drizzle-orm';
import { changeUserRole } from '@/lib/admin/users/change-role';
import { setAdminPermissions } from '@/lib/admin/users/set-admin-permissions';
import { reinstateUser, suspendUser } from '@/lib/admin/users/suspend-user';
import { loadSession } from '@/lib/auth/load-session-user';
import type { Session } from '@/lib/auth/types';
import { asService } from '@/lib/db';
import { auditLog, profiles, refreshTokens } from '@/lib/db/schema';
import { startFamily } from '@/lib/auth/built-in/refresh-tokens';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser, type TestUser } from '../../../support/fixtures';

const sessionOf = async (user: TestUser): Promise<Session> => (await loadSession(user.claims))!;
const auditFor = (targetId: string) => asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, targetId)));
const profileOf = async (id: string) => (await asService('test', (tx) => tx.select().from(profiles).where(eq(profiles.id, id))))[0]!;

/**
 * The actions' database half: each runs as the admin, so the profile guard has the last word even
 * when the code's own check was fooled, and a refusal leaves neither the change nor its entry.
 */
describe('user actions in lib/admin/users', () => {
  let database: TestDatabase;
  let admin: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin' });
  });
  afterAll(async () => {
    await database.drop();
  });

  /**
   * A session that believes its holder is a super admin while the database knows an admin: what a
   * demotion between loading the session and acting would look like.
   */
  const staleSuperAdminSession = async (): Promise<Session> => {
    const session = await sessionOf(admin);
    return { ...session, user: { ...session.user, role: 'super_admin' } };
  };

  it('lets the database refuse a role grant the code let through, writing no audit entry', async () => {
    const learner = await createTestUser();
    await expect(changeUserRole(await staleSuperAdminSession(), learner.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/only a super_admin grants or removes admin rights/),
    });
    expect((await profileOf(learner.id)).role).toBe('user');
    expect(await auditFor(learner.id)).toHaveLength(0);
  });

  it('lets the database refuse a permission change and a suspension of an admin the same way', async () => {
    const other = await createTestUser({ role: 'admin' });
    const stale = await staleSuperAdminSession();
    await expect(setAdminPermissions(stale, other.id, { adminPermissions: ['view:analytics'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(suspendUser(stale, other.id, { reason: 'Should not happen' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await profileOf(other.id)).toMatchObject({ adminPermissions: null, suspendedAt: null });
    expect(await auditFor(other.id)).toHaveLength(0);
  });

  it('suspends once when two admins act at the same moment', async () => {
    const learner = await createTestUser();
    const session = await sessionOf(admin);
    const results = await Promise.allSettled([
      suspendUser(session, learner.id, { reason: 'First admin' }),
      suspendUser(session, learner.id, { reason: 'Second admin' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await auditFor(learner.id)).toHaveLength(1);
  });

  it('revokes every refresh-token family on suspension, as a named service job', async () => {
    const learner = await createTestUser();
    await asService('test', async (tx) => {
      await startFamily(tx, learner.id, { ip: null, userAgent: 'phone' });
      await startFamily(tx, learner.id, { ip: null, userAgent: 'laptop' });
    });
    const result = await suspendUser(await sessionOf(admin), learner.id, { reason: 'Revoke test' });
    expect(result.sessionsEnded).toBe(true);
    const tokens = await asService('test', (tx) => tx.select().from(refreshTokens).where(eq(refreshTokens.userId, learner.id)));
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => t.revokedAt !== null && t.revokedReason === 'suspended')).toBe(true);
  });

  it('keeps the request id and the reason in the entry, and clears both fields on reinstatement', async () => {
    const learner = await createTestUser();
    const session = await sessionOf(admin);
    await suspendUser(session, learner.id, { reason: 'Chargeback fraud' }, 'req-42');
    const { user } = await reinstateUser(session, learner.id, 'req-43');
    expect(user).toMatchObject({ suspendedAt: null, suspendedReason: null });
    const entries = await auditFor(learner.id);
    expect(entries.map((e) => [e.action, e.requestId]).sort()).toEqual([
      ['user.reinstate', 'req-43'],
      ['user.suspend', 'req-42'],
    ]);
  });
});
