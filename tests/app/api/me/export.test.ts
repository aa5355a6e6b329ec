import { GET as exportData } from '@/app/api/me/export/route';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';
import { seedActivity } from '../../../lib/privacy/seed-activity';

describe('GET /api/me/export', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const download = (bearer?: string) => call(exportData, { path: '/api/me/export', bearer });

  it('answers 401 to a signed-out caller', async () => {
    const { status, json, response } = await download();
    expect(status).toBe(401);
    expect(json.success).toBe(false);
    expect(response.headers.get('content-disposition')).toBeNull();
  });

  it("sends the caller's own data as an uncached JSON attachment", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const questId = await createTestQuest(testQuest(`export-route-${Date.now()}`));
    await seedActivity(owner.id, questId, 'mine');
    const theirs = await seedActivity(other.id, questId, 'theirs');

    const { status, json, response } = await download(await tokenFor(owner));
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="workfree-export-${String(json.exportedAt).slice(0, 10)}.json"`);

    expect(json).toMatchObject({ format: 'workfree.user-export', version: 1, profile: { id: owner.id, email: owner.email } });
    expect(Object.keys(json).sort()).toEqual(
      ['achievements', 'analyticsEvents', 'billing', 'exportedAt', 'format', 'learningDays', 'notes', 'profile', 'progress', 'stepAnswers', 'subscriptions', 'version', 'xpLedger'].sort(),
    );
    expect(json.progress).toHaveLength(1);
    expect(json.stepAnswers).toHaveLength(1);
    expect(json.xpLedger).toHaveLength(2);
    expect(json.achievements).toHaveLength(1);
    expect(json.subscriptions).toHaveLength(1);
    expect(json.analyticsEvents).toHaveLength(1);
    const text = JSON.stringify(json);
    for (const leak of [other.id, other.email, theirs.achievement.slug, 'theirs-choice']) expect(text).not.toContain(leak);
  });

  it('gives a learner with no activity empty lists', async () => {
    const learner = await createTestUser();
    const { status, json } = await download(await tokenFor(learner));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      profile: { email: learner.email },
      progress: [],
      stepAnswers: [],
      xpLedger: [],
      learningDays: [],
      achievements: [],
      subscriptions: [],
      billing: { hasBillingCustomer: false },
      analyticsEvents: [],
    });
  });
});
