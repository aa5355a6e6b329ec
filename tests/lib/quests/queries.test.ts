import { getQuestOverview, listFeaturedQuests, listPublishedQuests, listQuestCategories } from '@/lib/quests/queries';
import { catalogParamsSchema } from '@/lib/quests/catalog-params';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../support/fixtures';

describe('catalog queries', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createTestQuest(testQuest('alpha-basics', { category: 'Alpha', difficulty: 'beginner' }));
    await createTestQuest(testQuest('alpha-pro', { category: 'Alpha', difficulty: 'advanced', tier: 'premium', prerequisites: [] }));
    await createTestQuest(testQuest('beta-basics', { category: 'Beta', difficulty: 'intermediate' }));
    await createTestQuest(testQuest('beta-draft', { category: 'Beta' }), { publish: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  const params = (extra: object = {}) => catalogParamsSchema.parse(extra);

  it('lists published quests only, with pagination totals', async () => {
    const { quests, pagination } = await listPublishedQuests(null, params());
    expect(quests.map((q) => q.slug)).toEqual(['alpha-basics', 'alpha-pro', 'beta-basics']);
    expect(pagination).toEqual({ total: 3, page: 1, limit: 20, totalPages: 1 });
  });

  it('hides drafts from the catalog even for admins', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const { quests } = await listPublishedQuests(admin.claims, params());
    expect(quests.map((q) => q.slug)).not.toContain('beta-draft');
  });

  it('filters by category, difficulty and tier', async () => {
    expect((await listPublishedQuests(null, params({ category: 'Beta' }))).quests.map((q) => q.slug)).toEqual(['beta-basics']);
    expect((await listPublishedQuests(null, params({ difficulty: 'advanced' }))).quests.map((q) => q.slug)).toEqual(['alpha-pro']);
    expect((await listPublishedQuests(null, params({ tier: 'free' }))).pagination.total).toBe(2);
  });

  it('pages through results', async () => {
    const first = await listPublishedQuests(null, params({ limit: 2, page: 1 }));
    const second = await listPublishedQuests(null, params({ limit: 2, page: 2 }));
    expect(first.pagination.totalPages).toBe(2);
    expect([...first.quests, ...second.quests].map((q) => q.slug)).toEqual(['alpha-basics', 'alpha-pro', 'beta-basics']);
  });

  it('counts the steps of premium quests for anonymous visitors without exposing them', async () => {
    const { quests } = await listPublishedQuests(null, params({ tier: 'premium' }));
    expect(quests[0]?.stepCount).toBe(3);
    expect(quests[0]).not.toHaveProperty('body');
  });

  it('counts categories of published quests', async () => {
    expect(await listQuestCategories(null)).toEqual([
      { name: 'Alpha', count: 2 },
      { name: 'Beta', count: 1 },
    ]);
  });

  it('features free quests, one per category', async () => {
    expect((await listFeaturedQuests(null)).map((q) => q.slug)).toEqual(['alpha-basics', 'beta-basics']);
  });

  it('gives an overview with objectives, prerequisites and the outline of a premium quest, but no bodies', async () => {
    const basics = await getQuestOverview(null, 'alpha-basics');
    await createTestQuest(testQuest('alpha-next', { category: 'Alpha', tier: 'premium', prerequisites: [] }));
    const overview = await getQuestOverview(null, 'alpha-pro');
    expect(basics?.prerequisites).toEqual([]);
    expect(overview?.objectives).toEqual(['Learn the thing']);
    expect(overview?.outline.map((s) => [s.position, s.kind, s.title])).toEqual([
      [0, 'reading', 'Read this'],
      [1, 'quiz', 'Answer this'],
      [2, 'task', 'Do this'],
    ]);
    expect(JSON.stringify(overview)).not.toContain('Reading body');
    expect(JSON.stringify(overview)).not.toContain('Because b is the right one');
  });

  it('does not show drafts or unknown slugs', async () => {
    expect(await getQuestOverview(null, 'beta-draft')).toBeNull();
    expect(await getQuestOverview(null, 'no-such-quest')).toBeNull();
  });
});
