import { eq } from 'drizzle-orm';
import { GET as listUsers } from '@/app/api/admin/users/route';
import { GET as getUser } from '@/app/api/admin/users/[id]/route';
import { GET as getXp } from '@/app/api/admin/users/[id]/xp/route';
import { POST as suspend } from '@/app/api/admin/users/[id]/suspend/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { asService } from '@/lib/db';
import { profiles, xpLedger } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('finding users and reading their progress', () => {
  let database: TestDatabase;
  let admin: TestUser;
  let superAdmin: TestUser;
  let adminBearer: string;
  let questId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin', email: 'boss-admin@example.test' });
    superAdmin = await createTestUser({ role: 'super_admin', email: 'boss-super@example.test' });
    adminBearer = await tokenFor(admin);
    questId = await createTestQuest(testQuest('admin-users-quest', { title: 'Admin users quest', xpReward: 150 }));
  });
  afterAll(async () => {
    await database.drop();
  });

  // `null` = signed out (undefined would take the default bearer).
  const list = (query = '', bearer: string | null = adminBearer) => call(listUsers, { path: `/api/admin/users${query}`, bearer: bearer ?? undefined });
  const detail = (id: string, bearer: string | null = adminBearer) => call(getUser, { params: { id }, bearer: bearer ?? undefined });
  const xp = (id: string, query = '', bearer: string | null = adminBearer) =>
    call(getXp, { params: { id }, path: `/api/admin/users/${id}/xp${query}`, bearer: bearer ?? undefined });

  /** Plays the test quest to the end through the API, as the learner would. */
  async function completeQuest(user: TestUser) {
    const bearer = await tokenFor(user);
    const started = await call(start, { method: 'POST', bearer, params: { id: questId } });
    const id = started.json.progress.id as string;
    const put = (body: object) => call(putProgress, { method: 'PUT', bearer, params: { id }, body });
    const answer = (position: number, value: string[]) =>
      call(answerStep, { method: 'POST', bearer, params: { id, position: String(position) }, body: { answer: value } });
    await put({ currentStep: 1, progressPercentage: 33, timeSpent: 60 });
    await answer(1, ['b']);
    await put({ currentStep: 2, progressPercentage: 66, timeSpent: 120 });
    await answer(2, ['c1']);
    const done = await put({ currentStep: 3, progressPercentage: 100, timeSpent: 180 });
    expect(done.json.progress.status).toBe('completed');
  }

  describe('GET /api/admin/users', () => {
    let ada: TestUser;
    let grace: TestUser;
    beforeAll(async () => {
      ada = await createTestUser({ email: 'ada.lovelace@example.test', tier: 'premium' });
      grace = await createTestUser({ email: 'grace@navy.example.test' });
      await asService('test', (tx) => tx.update(profiles).set({ fullName: 'Rear Admiral Hopper' }).where(eq(profiles.id, grace.id)));
      await asService('test', (tx) => tx.update(profiles).set({ lastLoginAt: new Date(Date.now() - 60_000) }).where(eq(profiles.id, grace.id)));
      await asService('test', (tx) => tx.update(profiles).set({ lastLoginAt: new Date() }).where(eq(profiles.id, ada.id)));
      await call(suspend, { method: 'POST', bearer: adminBearer, params: { id: grace.id }, body: { reason: 'Testing filters' } });
    });

    const emails = (json: Record<string, any>) => (json.users as { email: string }[]).map((u) => u.email);

    it('searches emails and names, case-insensitively, with wildcards taken literally', async () => {
      expect(emails((await list('?q=LOVELACE')).json)).toEqual(['ada.lovelace@example.test']);
      expect(emails((await list('?q=admiral')).json)).toEqual(['grace@navy.example.test']);
      expect((await list('?q=%25')).json.users).toEqual([]);
      expect((await list('?q=a_a')).json.users).toEqual([]);
    });

    it('filters by role, tier and status', async () => {
      expect(emails((await list('?role=super_admin')).json)).toEqual(['boss-super@example.test']);
      expect(emails((await list('?tier=premium')).json)).toEqual(['ada.lovelace@example.test']);
      expect(emails((await list('?status=suspended')).json)).toEqual(['grace@navy.example.test']);
      expect(emails((await list('?status=active')).json)).not.toContain('grace@navy.example.test');
      const [row] = (await list('?status=suspended')).json.users;
      expect(row).toMatchObject({ id: grace.id, role: 'user', tier: 'free', suspendedAt: expect.any(String), createdAt: expect.any(String) });
    });

    it('sorts by newest sign-up by default, or by latest sign-in with never-signed-in last', async () => {
      const byCreated = emails((await list()).json);
      expect(byCreated.indexOf('grace@navy.example.test')).toBeLessThan(byCreated.indexOf('boss-admin@example.test'));
      const byLogin = emails((await list('?sort=last_login')).json);
      expect(byLogin.slice(0, 2)).toEqual(['ada.lovelace@example.test', 'grace@navy.example.test']);
    });

    it('pages 25 at a time with the total', async () => {
      await Promise.all(Array.from({ length: 26 }, (_, i) => createTestUser({ email: `pager-${i}@bulk.example.test` })));
      const first = await list('?q=bulk.example');
      expect(first.json.users).toHaveLength(25);
      expect(first.json.pagination).toEqual({ total: 26, page: 1, limit: 25, totalPages: 2 });
      const second = await list('?q=bulk.example&page=2');
      expect(second.json.users).toHaveLength(1);
      expect(new Set([...emails(first.json), ...emails(second.json)]).size).toBe(26);
    });

    it.each([
      ['role', '?role=owner'],
      ['tier', '?tier=gold'],
      ['status', '?status=banned'],
      ['sort', '?sort=email'],
      ['page', '?page=0'],
      ['page', '?page=401'],
      ['q', `?q=${'x'.repeat(101)}`],
    ])('answers 400 naming %s for %s', async (field, query) => {
      const { status, json } = await list(query);
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual([field]);
    });

    it('refuses the signed-out (401), learners and admins without manage:users (403)', async () => {
      expect((await list('', null)).status).toBe(401);
      expect((await list('', await tokenFor(await createTestUser()))).status).toBe(403);
      const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics', 'update:quests'] });
      const refused = await list('', await tokenFor(analyst));
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /api/admin/users/:id', () => {
    it('shows profile, level, progress per quest, XP ledger and achievements', async () => {
      const learner = await createTestUser({ email: 'detail-learner@example.test' });
      await completeQuest(learner);
      const { status, json } = await detail(learner.id);
      expect(status).toBe(200);
      const user = json.user;
      expect(user.profile).toMatchObject({ id: learner.id, email: 'detail-learner@example.test', role: 'user', tier: 'free', suspendedAt: null });
      expect(user.stats).toMatchObject({ completedQuests: 1, averageScore: 100 });
      expect(user.stats.totalXP).toBeGreaterThanOrEqual(150);
      expect(user.level).toMatchObject({ level: expect.any(Number), totalXp: user.stats.totalXP });
      expect(user.streak).toEqual({ current: 1, longest: 1 });
      expect(user.progress).toEqual([
        expect.objectContaining({
          quest: { id: questId, slug: 'admin-users-quest', title: 'Admin users quest' },
          status: 'completed',
          progressPercentage: 100,
          score: 100,
          timeSpent: user.stats.totalTimeSpent,
          completedAt: expect.any(String),
        }),
      ]);
      expect(user.xp.entries).toContainEqual(
        expect.objectContaining({ reason: 'quest_completed', amount: 150, source: { kind: 'quest', id: questId, label: 'Admin users quest' } }),
      );
      expect(user.achievements.length).toBe(user.xp.entries.filter((e: { reason: string }) => e.reason === 'achievement_unlocked').length);
      expect(user.subscription).toMatchObject({ tier: 'free', status: 'active' });
      // The audit history is for super admins only.
      expect(user.audit).toBeNull();
    });

    it('shows a super admin the account’s audit history', async () => {
      const learner = await createTestUser();
      await call(suspend, { method: 'POST', bearer: adminBearer, params: { id: learner.id }, body: { reason: 'Audit history test' } });
      const { json } = await detail(learner.id, await tokenFor(superAdmin));
      expect(json.user.audit.entries).toEqual([expect.objectContaining({ action: 'user.suspend', actorEmail: admin.email, targetId: learner.id })]);
    });

    it('answers 404 for unknown ids and refuses those without manage:users', async () => {
      expect((await detail(UNKNOWN)).status).toBe(404);
      expect((await detail('42')).status).toBe(404);
      const learner = await createTestUser();
      expect((await detail(learner.id, null)).status).toBe(401);
      expect((await detail(learner.id, await tokenFor(learner))).status).toBe(403);
      const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
      expect((await detail(learner.id, await tokenFor(analyst))).status).toBe(403);
    });
  });

  describe('GET /api/admin/users/:id/xp', () => {
    it('pages the ledger newest first, stable even when entries share a timestamp', async () => {
      const learner = await createTestUser();
      // One transaction: all 45 rows get the same now(), so only the id orders them.
      await asService('test', (tx) =>
        tx.insert(xpLedger).values(Array.from({ length: 45 }, (_, i) => ({ userId: learner.id, reason: 'achievement_unlocked' as const, amount: i + 1 }))),
      );
      const times = await asService('test', (tx) => tx.selectDistinct({ at: xpLedger.createdAt }).from(xpLedger).where(eq(xpLedger.userId, learner.id)));
      expect(times).toHaveLength(1);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof xp>> = await xp(learner.id, cursor ? `?cursor=${cursor}` : '');
        expect(page.status).toBe(200);
        seen.push(...page.json.entries.map((e: { id: string }) => e.id));
        cursor = page.json.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
    });

    it('answers 400 naming cursor for a forged cursor, 404 for unknown users, 403 without manage:users', async () => {
      const learner = await createTestUser();
      const forged = await xp(learner.id, '?cursor=bm90LWEtY3Vyc29y');
      expect(forged.status).toBe(400);
      expect(Object.keys(forged.json.error.fields)).toEqual(['cursor']);
      expect((await xp(UNKNOWN)).status).toBe(404);
      expect((await xp(learner.id, '', null)).status).toBe(401);
      expect((await xp(learner.id, '', await tokenFor(learner))).status).toBe(403);
      const analyst = await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] });
      expect((await xp(learner.id, '', await tokenFor(analyst))).status).toBe(403);
    });
  });
});
