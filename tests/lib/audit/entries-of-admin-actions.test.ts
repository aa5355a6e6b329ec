import { eq, sql } from 'drizzle-orm';
import { changeUserRole } from '@/lib/admin/users/change-role';
import { suspendUser } from '@/lib/admin/users/suspend-user';
import { listAuditEntries } from '@/lib/audit/queries';
import { loadSession } from '@/lib/auth/load-session-user';
import { asService } from '@/lib/db';
import { auditLog } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser, type TestUser } from '../../support/fixtures';

/** The entries admin actions write: readable by super admins only, and never changed by anyone. */
describe('audit entries of admin actions', () => {
  let database: TestDatabase;
  let admin: TestUser;
  let superAdmin: TestUser;
  let learner: TestUser;
  let entryId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin' });
    superAdmin = await createTestUser({ role: 'super_admin' });
    learner = await createTestUser();
    const session = (await loadSession(admin.claims))!;
    await changeUserRole(session, learner.id, { role: 'premium' });
    await suspendUser(session, learner.id, { reason: 'Entry test' });
    const [row] = await asService('test', (tx) => tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'user.suspend')));
    entryId = row!.id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('lists them to a super admin and to no one else, even through the query itself', async () => {
    const asSuper = await listAuditEntries((await loadSession(superAdmin.claims))!, { targetId: learner.id });
    expect(asSuper.entries.map((e) => e.action)).toEqual(['user.suspend', 'user.role_change']);
    const asAdmin = await listAuditEntries((await loadSession(admin.claims))!, {});
    expect(asAdmin.entries).toEqual([]);
  });

  it('refuses to change or delete an entry, even as the service role', async () => {
    await expect(asService('test', (tx) => tx.update(auditLog).set({ after: { role: 'admin' } }).where(eq(auditLog.id, entryId)))).rejects.toThrow();
    await expect(asService('test', (tx) => tx.update(auditLog).set({ actorEmail: 'someone@else.test' }).where(eq(auditLog.id, entryId)))).rejects.toThrow();
    await expect(asService('test', (tx) => tx.delete(auditLog).where(eq(auditLog.id, entryId)))).rejects.toThrow();
    await expect(asService('test', (tx) => tx.execute(sql`truncate public.audit_log`))).rejects.toThrow();
    const [kept] = await asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.id, entryId)));
    expect(kept).toMatchObject({ actorId: admin.id, actorEmail: admin.email, after: { suspendedReason: 'Entry test' } });
  });
});
