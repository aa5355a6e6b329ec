import { and, eq, sql } from 'drizzle-orm';
import { asService, queryRows, type Tx } from '@/lib/db';
import { analyticsEvents, auditLog, profiles, questSteps, quests, subscriptions } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';
import { affects, tryAs } from '../../support/as-actor';

/**
 * The database half of the admin permissions (migration 0014): what private.has_permission()
 * grants each role and each narrowed admin, the profile guard for roles, permissions and
 * suspension, the editors' answer-key functions, and the audit log's rules. The code half
 * (lib/auth/permissions.ts) is tested in tests/lib/auth; the two must agree.
 */
describe('admin permissions in the database', () => {
  let database: TestDatabase;
  let learner: TestUser;
  let admin: TestUser;
  let analyst: TestUser; // an admin narrowed to view:analytics
  let editor: TestUser; // an admin narrowed to create:quests + update:quests
  let superAdmin: TestUser;
  let questId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [learner, admin, analyst, editor, superAdmin] = await Promise.all([
      createTestUser(),
      createTestUser({ role: 'admin' }),
      createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] }),
      createTestUser({ role: 'admin', adminPermissions: ['create:quests', 'update:quests'] }),
      createTestUser({ role: 'super_admin' }),
    ]);
    questId = await createTestQuest(testQuest('admin-perm-quest'));
    await asService('test-fixture', async (tx) => {
      await tx.insert(analyticsEvents).values({ name: 'login', userId: learner.id });
      await tx.insert(subscriptions).values({ userId: learner.id, planId: 'premium-monthly', status: 'active' });
    });
  });

  afterAll(async () => {
    await database.drop();
  });

  const hasPermission = (user: TestUser | null, permission: string) =>
    tryAs(user?.claims ?? null, async (tx) => (await queryRows<{ ok: boolean }>(tx, sql`select private.has_permission(${permission}) as ok`))[0]!.ok);

  it.each([
    ['learner', 'read:quests', true],
    ['learner', 'update:quests', false],
    ['admin', 'manage:users', true],
    ['analyst', 'view:analytics', true],
    ['analyst', 'update:quests', false],
    ['analyst', 'manage:users', false],
    ['analyst', 'read:quests', true],
    ['editor', 'update:quests', true],
    ['editor', 'delete:quests', false],
    ['superAdmin', 'delete:quests', true],
  ] as const)('has_permission: %s holds %s → %s', async (who, permission, expected) => {
    const users = { learner, admin, analyst, editor, superAdmin };
    expect(await hasPermission(users[who], permission)).toEqual({ ok: true, value: expected });
  });

  it('grants nothing to anon', async () => {
    expect(await hasPermission(null, 'update:quests')).toEqual({ ok: true, value: false });
  });

  const renameQuest = (tx: Tx) => tx.update(quests).set({ title: 'Renamed by an admin' }).where(eq(quests.id, questId)).returning({ id: quests.id });

  it('lets only admins holding update:quests change a quest, even through direct SQL', async () => {
    expect(await affects(analyst.claims, renameQuest)).toBe(false);
    expect(await affects(learner.claims, renameQuest)).toBe(false);
    expect(await affects(editor.claims, renameQuest)).toBe(true);
    expect(await affects(admin.claims, renameQuest)).toBe(true);
  });

  it('lets only holders of delete:quests delete a quest', async () => {
    const deleteQuest = (tx: Tx) => tx.delete(quests).where(eq(quests.id, questId)).returning({ id: quests.id });
    expect(await affects(editor.claims, deleteQuest)).toBe(false);
    expect(await affects(superAdmin.claims, deleteQuest)).toBe(true);
  });

  it('lets only analysts read analytics events and subscriptions', async () => {
    const readEvents = (tx: Tx) => tx.select({ id: analyticsEvents.id }).from(analyticsEvents);
    const readSubscriptions = (tx: Tx) => tx.select({ id: subscriptions.id }).from(subscriptions);
    expect(await affects(analyst.claims, readEvents)).toBe(true);
    expect(await affects(analyst.claims, readSubscriptions)).toBe(true);
    expect(await affects(editor.claims, readEvents)).toBe(false);
    expect(await affects(editor.claims, readSubscriptions)).toBe(false);
  });

  describe('the profile guard', () => {
    const setRole = (target: TestUser, role: string) => (tx: Tx) =>
      tx.update(profiles).set({ role }).where(eq(profiles.id, target.id)).returning({ id: profiles.id });

    it('lets an admin who manages users make a learner premium, but not an analyst', async () => {
      expect(await affects(admin.claims, setRole(learner, 'premium'))).toBe(true);
      expect(await affects(analyst.claims, setRole(learner, 'premium'))).toBe(false);
    });

    it('keeps admin rights for super admins to give', async () => {
      expect(await affects(admin.claims, setRole(learner, 'admin'))).toBe(false);
      expect(await affects(superAdmin.claims, setRole(learner, 'admin'))).toBe(true);
    });

    it('lets only a super admin narrow an admin’s permissions', async () => {
      const narrow = (tx: Tx) =>
        tx.update(profiles).set({ adminPermissions: ['view:analytics'] }).where(eq(profiles.id, editor.id)).returning({ id: profiles.id });
      expect(await affects(admin.claims, narrow)).toBe(false);
      expect(await affects(editor.claims, narrow)).toBe(false);
      expect(await affects(superAdmin.claims, narrow)).toBe(true);
    });

    it('refuses an unknown permission name', async () => {
      await expect(
        asService('test', (tx) => tx.update(profiles).set({ adminPermissions: ['drop:database'] }).where(eq(profiles.id, editor.id))),
      ).rejects.toThrow();
    });

    const suspend = (target: TestUser) => (tx: Tx) =>
      tx.update(profiles).set({ suspendedAt: new Date(), suspendedReason: 'Spam' }).where(eq(profiles.id, target.id)).returning({ id: profiles.id });

    it('lets user managers suspend learners; only super admins suspend admins; nobody suspends themselves', async () => {
      expect(await affects(admin.claims, suspend(learner))).toBe(true);
      expect(await affects(analyst.claims, suspend(learner))).toBe(false);
      expect(await affects(learner.claims, suspend(learner))).toBe(false);
      expect(await affects(admin.claims, suspend(editor))).toBe(false);
      expect(await affects(superAdmin.claims, suspend(editor))).toBe(true);
      expect(await affects(superAdmin.claims, suspend(superAdmin))).toBe(false);
    });

    it('takes every right from a suspended admin at once', async () => {
      const suspended = await createTestUser({ role: 'admin' });
      expect(await affects(suspended.claims, renameQuest)).toBe(true);
      await asService('test', (tx) => suspend(suspended)(tx));
      expect(await affects(suspended.claims, renameQuest)).toBe(false);
      expect(await hasPermission(suspended, 'read:quests')).toEqual({ ok: true, value: false });
      // …but they still read their own profile (the app shows them the suspension).
      expect(await affects(suspended.claims, (tx) => tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, suspended.id)))).toBe(true);
    });
  });

  describe('answer keys for editors', () => {
    const readKeys = (tx: Tx) => queryRows<{ step_id: string }>(tx, sql`select step_id from private.editor_answer_keys(${questId}::uuid)`);

    it('opens the keys to quest editors only, through the function', async () => {
      const asEditor = await tryAs(editor.claims, readKeys);
      expect(asEditor.ok && asEditor.value.length).toBe(1);
      expect((await tryAs(analyst.claims, readKeys)).ok).toBe(false);
      expect((await tryAs(learner.claims, readKeys)).ok).toBe(false);
      expect((await tryAs(null, readKeys)).ok).toBe(false);
    });

    it('lets editors write and remove a key, and nobody else', async () => {
      const [quiz] = await asService('test', (tx) => tx.select({ id: questSteps.id }).from(questSteps).where(eq(questSteps.kind, 'quiz')).limit(1));
      const put = (key: string[] | null) => (tx: Tx) =>
        tx.execute(sql`select private.put_answer_key(${quiz!.id}::uuid, ${key === null ? null : JSON.stringify(key)}::jsonb, 'Because a is right now.')`);
      expect((await tryAs(learner.claims, put(['a']))).ok).toBe(false);
      expect((await tryAs(analyst.claims, put(['a']))).ok).toBe(false);
      const written = await tryAs(editor.claims, async (tx) => {
        await put(['a'])(tx);
        return readKeys(tx);
      });
      expect(written.ok).toBe(true);
      const removed = await tryAs(editor.claims, async (tx) => {
        await put(null)(tx);
        return readKeys(tx);
      });
      expect(removed).toEqual({ ok: true, value: [] });
    });
  });

  describe('archived steps', () => {
    it('hides archived steps from learners and from the public outline', async () => {
      const id = await createTestQuest(testQuest('admin-perm-archived'));
      const [reading] = await asService('test', (tx) =>
        tx.update(questSteps).set({ archivedAt: new Date(), position: -1 }).where(and(eq(questSteps.questId, id), eq(questSteps.kind, 'reading'))).returning({ id: questSteps.id }),
      );
      const readStep = (tx: Tx) => tx.select({ id: questSteps.id }).from(questSteps).where(eq(questSteps.id, reading!.id));
      expect(await affects(learner.claims, readStep)).toBe(false);
      expect(await affects(null, readStep)).toBe(false);
      expect(await affects(admin.claims, readStep)).toBe(true);
      const outline = await tryAs(null, (tx) => queryRows<{ step_id: string }>(tx, sql`select step_id from public.quest_outline(${id}::uuid)`));
      expect(outline.ok && outline.value.some((s) => s.step_id === reading!.id)).toBe(false);
    });

    it('refuses an active step at a negative position and an archived one at a real position', async () => {
      const [step] = await asService('test', (tx) => tx.select({ id: questSteps.id }).from(questSteps).where(eq(questSteps.questId, questId)).limit(1));
      await expect(asService('test', (tx) => tx.update(questSteps).set({ position: -5 }).where(eq(questSteps.id, step!.id)))).rejects.toThrow();
      await expect(asService('test', (tx) => tx.update(questSteps).set({ archivedAt: new Date() }).where(eq(questSteps.id, step!.id)))).rejects.toThrow();
    });

    it('never lets an archived quest be published', async () => {
      await expect(
        asService('test', (tx) => tx.update(quests).set({ archivedAt: new Date(), isPublished: true }).where(eq(quests.id, questId))),
      ).rejects.toThrow();
    });
  });

  describe('the audit log', () => {
    const entry = (actor: TestUser) => (tx: Tx) =>
      tx.insert(auditLog).values({ actorId: actor.id, actorEmail: actor.email, action: 'quest.update', targetType: 'quest', targetId: questId }).returning({ id: auditLog.id });

    // No RETURNING here: it would need the select policy, which only super admins have.
    const record = (actor: TestUser) => (tx: Tx) =>
      tx.insert(auditLog).values({ actorId: actor.id, actorEmail: actor.email, action: 'quest.update', targetType: 'quest', targetId: questId });

    it('lets an admin record their own action, never someone else’s, and never a learner', async () => {
      expect((await tryAs(admin.claims, record(admin))).ok).toBe(true);
      expect((await tryAs(admin.claims, record(superAdmin))).ok).toBe(false);
      expect((await tryAs(learner.claims, record(learner))).ok).toBe(false);
      expect((await tryAs(null, record(learner))).ok).toBe(false);
    });

    it('is read by super admins only', async () => {
      await asService('test', (tx) => entry(admin)(tx));
      const read = (tx: Tx) => tx.select({ id: auditLog.id }).from(auditLog);
      expect(await affects(superAdmin.claims, read)).toBe(true);
      expect(await affects(admin.claims, read)).toBe(false);
      expect(await affects(analyst.claims, read)).toBe(false);
      expect(await affects(learner.claims, read)).toBe(false);
    });

    it('is append-only: no role may change or delete an entry', async () => {
      const [row] = await asService('test', (tx) => entry(admin)(tx));
      const change = (tx: Tx) => tx.update(auditLog).set({ action: 'quest.delete' }).where(eq(auditLog.id, row!.id)).returning({ id: auditLog.id });
      const remove = (tx: Tx) => tx.delete(auditLog).where(eq(auditLog.id, row!.id)).returning({ id: auditLog.id });
      for (const actor of [superAdmin, admin]) {
        expect(await affects(actor.claims, change)).toBe(false);
        expect(await affects(actor.claims, remove)).toBe(false);
      }
      await expect(asService('test', change)).rejects.toThrow();
      await expect(asService('test', remove)).rejects.toThrow();
      // The table owner (migrations) is stopped by the trigger itself.
      await expect(
        database.connection.withSession((s) => s.query(`update public.audit_log set action = 'quest.delete' where id = $1`, [row!.id])),
      ).rejects.toThrow(/append-only/);
      await expect(
        database.connection.withSession((s) => s.query(`delete from public.audit_log where id = $1`, [row!.id])),
      ).rejects.toThrow(/append-only/);
    });

    it('keeps an entry (with the actor’s email) when the actor’s account is deleted', async () => {
      const leaving = await createTestUser({ role: 'admin' });
      const [row] = await asService('test', (tx) => entry(leaving)(tx));
      await asService('test', (tx) => tx.execute(sql`delete from auth.users where id = ${leaving.id}`));
      const [kept] = await asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.id, row!.id)));
      expect(kept).toMatchObject({ actorId: null, actorEmail: leaving.email, action: 'quest.update' });
    });
  });
});
