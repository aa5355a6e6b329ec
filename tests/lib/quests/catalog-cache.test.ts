/**
 * The anonymous catalog is cached in Next's data cache and dropped when an editor changes it.
 * Next's cache exists only inside a Next server, so this file stands in a small one with the same
 * contract: results kept per function and arguments, dropped by tag.
 */
const fakeCache = new Map<string, { tags: string[]; value: unknown }>();
const revalidated: unknown[][] = [];

jest.mock('next/cache', () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>, keyParts: string[], options: { tags: string[] }) =>
    async (...args: unknown[]) => {
      const key = `${keyParts.join('/')}:${JSON.stringify(args)}`;
      if (!fakeCache.has(key)) fakeCache.set(key, { tags: options.tags, value: await fn(...args) });
      return fakeCache.get(key)!.value;
    },
  revalidateTag: (...args: unknown[]) => {
    revalidated.push(args);
    for (const [key, entry] of fakeCache) if (entry.tags.includes(args[0] as string)) fakeCache.delete(key);
  },
}));

import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { quests, userProgress } from '@/lib/db/schema';
import { startQuest } from '@/lib/progress/start-quest';
import { archiveQuest, publishQuest, unpublishQuest } from '@/lib/admin/quests/lifecycle';
import { PUBLISHED_CATALOG_TAG, revalidatePublishedCatalog } from '@/lib/quests/catalog-cache';
import { catalogParamsSchema } from '@/lib/quests/catalog-params';
import { getQuestOverview, listFeaturedQuests, listPublishedQuests, listQuestCategories } from '@/lib/quests/queries';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';
import { sessionOf } from '../admin/quests/editor-fixtures';

const params = catalogParamsSchema.parse({});
const slugs = async (claims: TestUser['claims'] | null = null) => (await listPublishedQuests(claims, params)).quests.map((q) => q.slug);

describe('published catalog cache', () => {
  let database: TestDatabase;
  let admin: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'super_admin' });
    await createTestQuest(testQuest('cached-free', { category: 'Cache' }));
    await createTestQuest(testQuest('cached-premium', { category: 'Cache', tier: 'premium' }));
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(() => {
    fakeCache.clear();
    revalidated.length = 0;
  });

  it('shares one published page between visitors and learners until the catalog is revalidated', async () => {
    expect(await slugs()).toEqual(['cached-free', 'cached-premium']);
    expect((await getQuestOverview(null, 'cached-free'))?.title).toBe('Quest cached-free');
    // A change made behind the app's back (as a script would) is not seen: the page was cached,
    // and a signed-in read takes its cards from the same shared page.
    await asService('test-rename', (tx) => tx.update(quests).set({ title: 'Renamed outside' }).where(eq(quests.slug, 'cached-free')));
    const cardOf = async (claims: TestUser['claims'] | null) =>
      (await listPublishedQuests(claims, params)).quests.find((q) => q.slug === 'cached-free');
    const learner = await createTestUser();
    expect((await cardOf(null))?.title).toBe('Quest cached-free');
    expect((await cardOf(learner.claims))?.title).toBe('Quest cached-free');
    expect((await getQuestOverview(learner.claims, 'cached-free'))?.title).toBe('Quest cached-free');

    // What is the learner's own is read fresh on every request, never from the shared page.
    await startQuest(sessionOf(learner), 'cached-free');
    expect((await cardOf(learner.claims))?.progress).toMatchObject({ status: 'in_progress', currentStep: 0 });
    expect((await getQuestOverview(learner.claims, 'cached-free'))?.progress).toMatchObject({ status: 'in_progress' });
    expect((await cardOf(null))?.progress).toBeNull();
    expect((await getQuestOverview(null, 'cached-free'))?.progress).toBeNull();

    // Revalidating the tag (what every editor action does) shows the change to everyone.
    revalidatePublishedCatalog();
    expect((await cardOf(null))?.title).toBe('Renamed outside');
    expect((await cardOf(learner.claims))?.title).toBe('Renamed outside');
    expect((await getQuestOverview(learner.claims, 'cached-free'))?.title).toBe('Renamed outside');
    revalidated.length = 0;
  });

  it('publishing, unpublishing and archiving drop the cached catalog at once', async () => {
    const id = await createTestQuest(testQuest('cached-draft', { category: 'Cache' }), { publish: false });
    expect(await slugs()).not.toContain('cached-draft');
    expect(await listQuestCategories(null)).toEqual([{ name: 'Cache', count: 2 }]);

    await publishQuest(sessionOf(admin), id);
    expect(revalidated).toContainEqual([PUBLISHED_CATALOG_TAG, { expire: 0 }]);
    expect(await slugs()).toContain('cached-draft');
    expect(await listQuestCategories(null)).toEqual([{ name: 'Cache', count: 3 }]);

    expect((await getQuestOverview(null, 'cached-draft'))?.slug).toBe('cached-draft');
    await unpublishQuest(sessionOf(admin), id);
    expect(await slugs()).not.toContain('cached-draft');
    expect(await getQuestOverview(null, 'cached-draft')).toBeNull();

    revalidated.length = 0;
    await archiveQuest(sessionOf(admin), id);
    expect(revalidated).toHaveLength(1);
    expect(await slugs()).not.toContain('cached-draft');
  });

  it('keeps premium and draft visibility as before: anonymous sees premium locked, never drafts', async () => {
    await createTestQuest(testQuest('cached-hidden-draft', { category: 'Cache' }), { publish: false });
    const anonymous = (await listPublishedQuests(null, params)).quests;
    expect(anonymous.map((q) => q.slug)).not.toContain('cached-hidden-draft');
    expect(anonymous.find((q) => q.slug === 'cached-premium')?.access).toBe('premium_locked');
    const premium = await createTestUser({ tier: 'premium' });
    const signedIn = (await listPublishedQuests(premium.claims, params)).quests;
    expect(signedIn.find((q) => q.slug === 'cached-premium')?.access).toBe('available');
    // The premium learner's answer did not leak into the shared anonymous one.
    expect((await listPublishedQuests(null, params)).quests.find((q) => q.slug === 'cached-premium')?.access).toBe('premium_locked');
    expect((await listFeaturedQuests(null)).map((q) => q.slug)).toEqual(['cached-free']);
  });

  it('leaves the cache alone when a status change changes nothing', async () => {
    const id = (await asService('test-find', (tx) => tx.select({ id: quests.id }).from(quests).where(eq(quests.slug, 'cached-free'))))[0]!.id;
    await publishQuest(sessionOf(admin), id);
    expect(revalidated).toHaveLength(0);
  });

  it('drops a cached card or overview for a learner once its quest is unpublished, before revalidation', async () => {
    const id = await createTestQuest(testQuest('cached-vanishing', { category: 'Cache' }));
    const learner = await createTestUser();
    expect(await slugs(learner.claims)).toContain('cached-vanishing');
    expect(await getQuestOverview(learner.claims, 'cached-vanishing')).not.toBeNull();
    // Unpublished behind the app's back: the shared page still lists it, the learner's read does not.
    await asService('test-unpublish', (tx) => tx.update(quests).set({ isPublished: false }).where(eq(quests.id, id)));
    expect(await slugs()).toContain('cached-vanishing');
    expect(await slugs(learner.claims)).not.toContain('cached-vanishing');
    expect(await getQuestOverview(learner.claims, 'cached-vanishing')).toBeNull();
    revalidatePublishedCatalog();
    revalidated.length = 0;
  });

  it('marks the prerequisites a learner completed on a cached overview', async () => {
    const first = await createTestQuest(testQuest('cached-first', { category: 'Cache' }));
    const second = await createTestQuest(testQuest('cached-second', { category: 'Cache' }));
    await asService('test-prerequisite', (tx) => tx.update(quests).set({ prerequisites: [first] }).where(eq(quests.id, second)));
    const learner = await createTestUser();
    const before = await getQuestOverview(learner.claims, 'cached-second');
    expect(before?.access).toBe('prerequisites_locked');
    expect(before?.prerequisites).toEqual([expect.objectContaining({ id: first, completed: false })]);
    await asService('test-complete', (tx) =>
      tx.insert(userProgress).values({ userId: learner.id, questId: first, status: 'completed', completedAt: new Date(), progressPercentage: 100 }),
    );
    const after = await getQuestOverview(learner.claims, 'cached-second');
    expect(after?.access).toBe('available');
    expect(after?.prerequisites).toEqual([expect.objectContaining({ id: first, completed: true })]);
    // The shared overview is untouched: anonymous still sees it locked, nothing completed.
    const anonymous = await getQuestOverview(null, 'cached-second');
    expect(anonymous?.access).toBe('prerequisites_locked');
    expect(anonymous?.prerequisites).toEqual([expect.objectContaining({ id: first, completed: false })]);
    revalidatePublishedCatalog();
    revalidated.length = 0;
  });
});
