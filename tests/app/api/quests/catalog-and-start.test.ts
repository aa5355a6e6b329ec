import { GET as listQuests } from '@/app/api/quests/route';
import { GET as getQuest } from '@/app/api/quests/[id]/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';

describe('catalog API and starting quests', () => {
  let database: TestDatabase;
  let basics: string;
  let advanced: string;
  let premium: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    basics = await createTestQuest(testQuest('sql-basics', { category: 'Data', title: 'SQL basics' }));
    premium = await createTestQuest(testQuest('sql-premium', { category: 'Data', tier: 'premium', title: 'Premium SQL' }));
    advanced = await createTestQuest(testQuest('sql-advanced', { category: 'Data', difficulty: 'advanced', title: 'Advanced 100% SQL', prerequisites: ['sql-basics'] }));
    // Link the prerequisite by id, as the seed does.
    const { asService } = await import('@/lib/db');
    const { quests } = await import('@/lib/db/schema');
    const { eq } = await import('drizzle-orm');
    await asService('test', (tx) => tx.update(quests).set({ prerequisites: [basics] }).where(eq(quests.id, advanced)));
    for (let i = 0; i < 23; i++) await createTestQuest(testQuest(`filler-${i}`, { category: 'Filler' }));
    await createTestQuest(testQuest('sql-draft', { category: 'Data' }), { publish: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  const list = (query: string, bearer?: string) => call(listQuests, { path: `/api/quests${query}`, bearer });

  it('pages published quests, 20 by default', async () => {
    const { status, json } = await list('');
    expect(status).toBe(200);
    expect(json.quests).toHaveLength(20);
    expect(json.pagination).toEqual({ total: 26, page: 1, limit: 20, totalPages: 2 });
    expect((await list('?page=2')).json.quests).toHaveLength(6);
    expect((await list('?limit=100')).json.quests).toHaveLength(26);
  });

  it.each([
    ['limit', '?limit=101'],
    ['limit', '?limit=0'],
    ['page', '?page=0'],
    ['page', '?page=abc'],
    ['difficulty', '?difficulty=expert'],
    ['tier', '?tier=gold'],
  ])('answers 400 naming %s for %s', async (field, query) => {
    const { status, json } = await list(query);
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toEqual([field]);
  });

  it('filters and searches by title (wildcards are literal)', async () => {
    expect((await list('?category=Data')).json.quests.map((q: { slug: string }) => q.slug).sort()).toEqual(['sql-advanced', 'sql-basics', 'sql-premium']);
    expect((await list('?q=premium')).json.quests.map((q: { slug: string }) => q.slug)).toEqual(['sql-premium']);
    expect((await list('?q=100%25')).json.quests.map((q: { slug: string }) => q.slug)).toEqual(['sql-advanced']);
    expect((await list('?q=%25')).json.pagination.total).toBe(1);
  });

  it('says what the caller may start, and their progress', async () => {
    const learner = await createTestUser();
    const bearer = await tokenFor(learner);
    const access = async () =>
      Object.fromEntries(((await list('?category=Data', bearer)).json.quests as { slug: string; access: string; progress: unknown }[]).map((q) => [q.slug, q]));
    let bySlug = await access();
    expect(bySlug['sql-basics']).toMatchObject({ access: 'available', progress: null });
    expect(bySlug['sql-premium']).toMatchObject({ access: 'premium_locked' });
    expect(bySlug['sql-advanced']).toMatchObject({ access: 'prerequisites_locked' });
    const started = await call(start, { method: 'POST', bearer, params: { id: 'sql-basics' } });
    expect(started.status).toBe(201);
    bySlug = await access();
    expect(bySlug['sql-basics']).toMatchObject({ progress: { status: 'in_progress', currentStep: 0 } });
    const premiumBearer = await tokenFor(await createTestUser({ tier: 'premium' }));
    expect(Object.fromEntries(((await list('?category=Data', premiumBearer)).json.quests as { slug: string; access: string }[]).map((q) => [q.slug, q.access]))['sql-premium']).toBe('available');
  });

  it('gives an overview by id or slug without bodies or answers, and 404 for drafts', async () => {
    const bySlug = await call(getQuest, { params: { id: 'sql-premium' } });
    expect(bySlug.status).toBe(200);
    expect(bySlug.json.quest.outline).toHaveLength(3);
    expect(JSON.stringify(bySlug.json)).not.toMatch(/Reading body|Because b is the right one/);
    expect((await call(getQuest, { params: { id: premium } })).json.quest.slug).toBe('sql-premium');
    expect((await call(getQuest, { params: { id: 'sql-draft' } })).status).toBe(404);
    expect((await call(getQuest, { params: { id: 'bad id!' } })).status).toBe(400);
  });

  it('starts a quest once: 201 with the contract shape, then 200 with the same row', async () => {
    const bearer = await tokenFor(await createTestUser());
    const first = await call(start, { method: 'POST', bearer, params: { id: basics } });
    expect(first.status).toBe(201);
    expect(first.json.progress).toMatchObject({ id: expect.any(String), questId: basics, status: 'in_progress', currentStep: 0, startedAt: expect.any(String) });
    const again = await call(start, { method: 'POST', bearer, params: { id: 'sql-basics' } });
    expect(again.status).toBe(200);
    expect(again.json.progress.id).toBe(first.json.progress.id);
  });

  it('refuses premium quests to free learners (403) and opens them to premium ones', async () => {
    const free = await call(start, { method: 'POST', bearer: await tokenFor(await createTestUser()), params: { id: premium } });
    expect(free.status).toBe(403);
    expect(free.json.error.code).toBe('PREMIUM_REQUIRED');
    const paid = await call(start, { method: 'POST', bearer: await tokenFor(await createTestUser({ tier: 'premium' })), params: { id: premium } });
    expect(paid.status).toBe(201);
  });

  it('refuses a quest whose prerequisites are unmet (409, naming them)', async () => {
    const res = await call(start, { method: 'POST', bearer: await tokenFor(await createTestUser()), params: { id: advanced } });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'PREREQUISITES_UNMET', fields: { prerequisites: ['SQL basics'] } });
  });

  it('answers 401, 404 and 400 where they belong', async () => {
    expect((await call(start, { method: 'POST', params: { id: basics } })).status).toBe(401);
    const bearer = await tokenFor(await createTestUser());
    expect((await call(start, { method: 'POST', bearer, params: { id: 'sql-draft' } })).status).toBe(404);
    expect((await call(start, { method: 'POST', bearer, params: { id: '../etc' } })).status).toBe(400);
  });
});
