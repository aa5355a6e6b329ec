import { and, eq } from 'drizzle-orm';
import { GET as listAchievements, POST as createAchievement } from '@/app/api/admin/achievements/route';
import { DELETE as deleteAchievement, GET as getAchievement, PUT as updateAchievement } from '@/app/api/admin/achievements/[id]/route';
import { asService } from '@/lib/db';
import { achievements, auditLog, userAchievements, xpLedger } from '@/lib/db/schema';
import { evaluateAchievements } from '@/lib/achievements/engine';
import type { AchievementInput } from '@/lib/achievements/criteria';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';

const input = (slug: string, overrides: Partial<AchievementInput> = {}): AchievementInput => ({
  slug,
  name: `Badge ${slug}`,
  description: 'Awarded to learners in the admin tests.',
  criteria: { type: 'quests_completed', count: 2 },
  xpReward: 40,
  rarity: 'rare',
  ...overrides,
});

describe('admin achievements API: list, create, read, update, delete', () => {
  let database: TestDatabase;
  let editor: TestUser;
  let editorToken: string;
  let questId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await createTestUser({ role: 'admin', email: 'editor@admin.test' });
    editorToken = await tokenFor(editor);
    questId = await createTestQuest(testQuest('admin-ach-quest'));
  });
  afterAll(async () => {
    await database.drop();
  });

  const create = (body: unknown, bearer = editorToken) => call(createAchievement, { path: '/api/admin/achievements', body, bearer });
  const one = (id: string, method: 'GET' | 'PUT' | 'DELETE', options: { body?: unknown; bearer?: string } = {}) =>
    call(method === 'GET' ? getAchievement : method === 'PUT' ? updateAchievement : deleteAchievement, {
      method,
      path: `/api/admin/achievements/${id}`,
      params: { id },
      body: options.body,
      bearer: options.bearer ?? editorToken,
    });
  const auditFor = (targetId: string) =>
    asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.createdAt));

  describe('permissions', () => {
    let id: string;
    let tokens: Record<'learner' | 'analyst' | 'creatorOnly', string>;
    beforeAll(async () => {
      id = (await create(input('perm-target'))).json.achievement.id;
      tokens = {
        learner: await tokenFor(await createTestUser()),
        analyst: await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] })),
        creatorOnly: await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['create:quests'] })),
      };
    });

    /** Every route once, as the holder of `bearer` (signed out without one), with the permission it needs. */
    const everyRoute = (bearer?: string) =>
      [
        ['GET list', 'update:quests', () => call(listAchievements, { path: '/api/admin/achievements', bearer })],
        ['POST create', 'create:quests', () => call(createAchievement, { path: '/api/admin/achievements', body: input('denied'), bearer })],
        ['GET one', 'update:quests', () => call(getAchievement, { path: `/api/admin/achievements/${id}`, params: { id }, bearer })],
        ['PUT', 'update:quests', () => call(updateAchievement, { method: 'PUT', path: `/api/admin/achievements/${id}`, params: { id }, body: input('denied'), bearer })],
        ['DELETE', 'delete:quests', () => call(deleteAchievement, { method: 'DELETE', path: `/api/admin/achievements/${id}`, params: { id }, bearer })],
      ] as const;

    async function statuses(bearer?: string) {
      const out: [string, number, string][] = [];
      for (const [name, , request] of everyRoute(bearer)) {
        const { status, json } = await request();
        out.push([name, status, json.error?.code ?? 'ok']);
      }
      return out;
    }

    it('answers 401 signed out, 403 to a learner and to an admin without the permission', async () => {
      expect(await statuses()).toEqual(everyRoute().map(([name]) => [name, 401, 'UNAUTHORIZED']));
      expect(await statuses(tokens.learner)).toEqual(everyRoute().map(([name]) => [name, 403, 'FORBIDDEN']));
      expect(await statuses(tokens.analyst)).toEqual(everyRoute().map(([name]) => [name, 403, 'FORBIDDEN']));
      // create:quests alone may create, and nothing else.
      expect(await statuses(tokens.creatorOnly)).toEqual(
        everyRoute().map(([name, permission]) => (permission === 'create:quests' ? [name, 201, 'ok'] : [name, 403, 'FORBIDDEN'])),
      );
      // The refused calls changed nothing.
      expect((await one(id, 'GET')).json.achievement).toMatchObject({ slug: 'perm-target', name: 'Badge perm-target' });
    });
  });

  describe('validation', () => {
    it.each([
      ['criteria.type', { criteria: { type: 'unknown_type', count: 1 } }],
      ['criteria.count', { criteria: { type: 'quests_completed' } }],
      ['criteria.count', { criteria: { type: 'quests_completed', count: 0 } }],
      ['criteria.count', { criteria: { type: 'perfect_scores', count: 2.5 } }],
      ['criteria.days', { criteria: { type: 'streak_days', days: 1 } }],
      ['criteria.difficulty', { criteria: { type: 'difficulty_completed', difficulty: 'expert', count: 1 } }],
      ['criteria.category', { criteria: { type: 'category_completed', count: 1 } }],
      ['criteria.amount', { criteria: { type: 'xp_total', amount: 1e12 } }],
      ['slug', { slug: 'Not A Slug' }],
      ['slug', { slug: 'trailing-' }],
      ['name', { name: 'ab' }],
      ['description', { description: 'short' }],
      ['xpReward', { xpReward: -1 }],
      ['xpReward', { xpReward: '50' }],
      ['rarity', { rarity: 'mythic' }],
      ['iconUrl', { iconUrl: 'javascript:alert(1)' }],
      ['iconUrl', { iconUrl: '//evil.example/x.png' }],
    ])('answers 400 naming %s', async (field, overrides) => {
      const { status, json } = await create({ ...input('invalid-one'), ...overrides });
      expect(status).toBe(400);
      expect(json.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(json.error.fields)).toEqual([field]);
      expect(json.error.message).toContain(field);
    });

    it('answers 400 for malformed JSON and 415 for a non-JSON body, writing nothing', async () => {
      expect((await call(createAchievement, { path: '/api/admin/achievements', rawBody: '{"slug":', bearer: editorToken })).status).toBe(400);
      expect(
        (await call(createAchievement, { path: '/api/admin/achievements', rawBody: 'slug=x', headers: { 'content-type': 'text/plain' }, bearer: editorToken })).status,
      ).toBe(415);
      const { json } = await call(listAchievements, { path: '/api/admin/achievements?q=invalid-one', bearer: editorToken });
      expect(json.achievements).toEqual([]);
    });

    it('answers 400 naming id for an id that is not a UUID', async () => {
      const { status, json } = await one('not-a-uuid', 'GET');
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual(['id']);
    });

    it('answers 404 for an achievement that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await one(missing, 'GET')).status).toBe(404);
      expect((await one(missing, 'PUT', { body: input('missing-one') })).status).toBe(404);
      expect((await one(missing, 'DELETE')).status).toBe(404);
    });

    it('answers 400 naming the list query fields', async () => {
      for (const [query, field] of [['?page=0', 'page'], ['?limit=101', 'limit'], ['?page=x', 'page']]) {
        const { status, json } = await call(listAchievements, { path: `/api/admin/achievements${query}`, bearer: editorToken });
        expect([query, status, Object.keys(json.error.fields)]).toEqual([query, 400, [field]]);
      }
    });
  });

  it('creates an achievement, reads it back and records who created it', async () => {
    const { status, json } = await create(input('created-one', { iconUrl: '/icons/star.svg', criteria: { type: 'category_completed', category: ' Security ', count: 1 } }));
    expect(status).toBe(201);
    expect(json.achievement).toEqual({
      id: expect.any(String),
      slug: 'created-one',
      name: 'Badge created-one',
      description: 'Awarded to learners in the admin tests.',
      iconUrl: '/icons/star.svg',
      rarity: 'rare',
      xpReward: 40,
      criteria: { type: 'category_completed', category: 'Security', count: 1 },
      criterion: 'Complete 1 Security quest',
      unlockCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const id = json.achievement.id as string;
    expect((await one(id, 'GET')).json.achievement).toEqual(json.achievement);

    const [entry, ...more] = await auditFor(id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: editor.id,
      actorEmail: 'editor@admin.test',
      action: 'achievement.create',
      targetType: 'achievement',
      targetLabel: 'Badge created-one',
      before: null,
      after: { slug: 'created-one', criteria: { type: 'category_completed', category: 'Security', count: 1 }, xpReward: 40, rarity: 'rare' },
    });
  });

  it('refuses a taken slug with 409 naming slug, on create and on update', async () => {
    await create(input('taken-slug'));
    const again = await create(input('taken-slug'));
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'CONFLICT', fields: { slug: [expect.any(String)] } });

    const other = (await create(input('other-slug'))).json.achievement.id as string;
    const renamed = await one(other, 'PUT', { body: input('taken-slug') });
    expect(renamed.status).toBe(409);
    expect(Object.keys(renamed.json.error.fields)).toEqual(['slug']);
    expect((await one(other, 'GET')).json.achievement.slug).toBe('other-slug');
    // The refused update left no audit entry behind.
    expect((await auditFor(other)).map((e) => e.action)).toEqual(['achievement.create']);
  });

  it('updates every field and logs before and after', async () => {
    const id = (await create(input('to-update'))).json.achievement.id as string;
    const { status, json } = await one(id, 'PUT', {
      body: input('updated', { name: 'Streak keeper', criteria: { type: 'streak_days', days: 5 }, xpReward: 75, rarity: 'epic', iconUrl: null }),
    });
    expect(status).toBe(200);
    expect(json.achievement).toMatchObject({ id, slug: 'updated', name: 'Streak keeper', criterion: 'Keep a 5-day learning streak', xpReward: 75, rarity: 'epic' });
    const entries = await auditFor(id);
    expect(entries.map((e) => e.action)).toEqual(['achievement.create', 'achievement.update']);
    expect(entries[1]).toMatchObject({
      before: { slug: 'to-update', criteria: { type: 'quests_completed', count: 2 }, xpReward: 40, rarity: 'rare' },
      after: { slug: 'updated', name: 'Streak keeper', criteria: { type: 'streak_days', days: 5 }, xpReward: 75, rarity: 'epic' },
    });
  });

  it('lists with unlock counts, searches by name or slug, and pages', async () => {
    const learner = await createTestUser();
    const first = (await create(input('list-first-quest', { name: 'Listed first quest', criteria: { type: 'first_quest' }, rarity: 'common' }))).json.achievement.id as string;
    await asService('complete-quest', async (tx) => {
      const { userProgress } = await import('@/lib/db/schema');
      await tx.insert(userProgress).values({ userId: learner.id, questId, status: 'completed', progressPercentage: 100, score: 90, completedAt: new Date() });
      await evaluateAchievements(tx, learner.id);
    });
    const { status, json } = await call(listAchievements, { path: '/api/admin/achievements?q=list-first', bearer: editorToken });
    expect(status).toBe(200);
    expect(json.achievements).toEqual([expect.objectContaining({ id: first, unlockCount: 1, criterion: 'Complete your first quest' })]);
    expect(json.pagination).toEqual({ total: 1, page: 1, limit: 25, totalPages: 1 });

    const byName = await call(listAchievements, { path: '/api/admin/achievements?q=listed%20FIRST', bearer: editorToken });
    expect(byName.json.achievements.map((a: { id: string }) => a.id)).toEqual([first]);
    // `%` is a literal character in a search, not a wildcard.
    expect((await call(listAchievements, { path: '/api/admin/achievements?q=%25', bearer: editorToken })).json.achievements).toEqual([]);

    const all = await call(listAchievements, { path: '/api/admin/achievements?limit=2', bearer: editorToken });
    expect(all.json.achievements).toHaveLength(2);
    expect(all.json.pagination.total).toBeGreaterThan(2);
    const rarities = ['common', 'uncommon', 'rare', 'epic', 'legendary'];
    const everything = await call(listAchievements, { path: '/api/admin/achievements?limit=100', bearer: editorToken });
    const order = (everything.json.achievements as { rarity: string }[]).map((a) => rarities.indexOf(a.rarity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  describe('delete', () => {
    it('deletes an achievement nobody holds, with an audit entry that keeps what it was', async () => {
      const id = (await create(input('to-delete'))).json.achievement.id as string;
      const { status, json } = await one(id, 'DELETE');
      expect(status).toBe(200);
      expect(json).toEqual({ success: true, id });
      expect((await one(id, 'GET')).status).toBe(404);
      const entries = await auditFor(id);
      expect(entries.map((e) => e.action)).toEqual(['achievement.create', 'achievement.delete']);
      expect(entries[1]).toMatchObject({ targetLabel: 'Badge to-delete', before: { slug: 'to-delete', unlockCount: 0 }, after: null });
    });

    it('refuses with 409 once a learner has unlocked it, and changes nothing', async () => {
      const id = (await create(input('held-one', { criteria: { type: 'first_quest' }, xpReward: 15 }))).json.achievement.id as string;
      const learner = await createTestUser();
      await asService('complete-quest', async (tx) => {
        const { userProgress } = await import('@/lib/db/schema');
        await tx.insert(userProgress).values({ userId: learner.id, questId, status: 'completed', progressPercentage: 100, score: 90, completedAt: new Date() });
        await evaluateAchievements(tx, learner.id);
      });
      const { status, json } = await one(id, 'DELETE');
      expect(status).toBe(409);
      expect(json.error.code).toBe('CONFLICT');
      expect(json.error.message).toMatch(/1 learner has unlocked/);
      expect((await one(id, 'GET')).json.achievement.unlockCount).toBe(1);
      const held = await asService('test', (tx) =>
        tx.select().from(userAchievements).where(and(eq(userAchievements.achievementId, id), eq(userAchievements.userId, learner.id))),
      );
      expect(held).toHaveLength(1);
      expect((await auditFor(id)).map((e) => e.action)).toEqual(['achievement.create']);
    });

    it('refuses with 409 while the XP ledger records a grant for it, even after the unlock was revoked', async () => {
      const id = (await create(input('granted-one', { criteria: { type: 'first_quest' } }))).json.achievement.id as string;
      const learner = await createTestUser();
      await asService('test-fixture', (tx) => tx.insert(xpLedger).values({ userId: learner.id, achievementId: id, reason: 'achievement_unlocked', amount: 40 }));
      const { status } = await one(id, 'DELETE');
      expect(status).toBe(409);
      // Why there is no "delete anyway": the ledger is append-only, and the database refuses to
      // null out its achievement_id even for the service role.
      const refused = await asService('test', (tx) => tx.delete(achievements).where(eq(achievements.id, id))).catch((error: Error) => error);
      expect(String((refused as Error).cause ?? refused)).toMatch(/xp_ledger is append-only/);
      expect((await one(id, 'GET')).status).toBe(200);
    });
  });
});
