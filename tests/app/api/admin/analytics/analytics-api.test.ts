import { eq } from 'drizzle-orm';
import { GET as getAnalytics } from '@/app/api/admin/analytics/route';
import { GET as exportCsv } from '@/app/api/admin/analytics/export/route';
import { asService } from '@/lib/db';
import { analyticsEvents, quests } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';
import { seedKnownDataSet, type KnownDataSet } from '../../../../lib/admin/analytics/known-data-set';

const RANGE = 'from=2025-03-01&to=2025-03-10';
const UNKNOWN_QUEST = '00000000-0000-4000-8000-000000000000';

describe('admin analytics API', () => {
  let database: TestDatabase;
  let data: KnownDataSet;
  let analyst: string;
  let learner: string;
  let editor: string;
  let trickyQuest: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    data = await seedKnownDataSet();
    analyst = await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] }));
    learner = await tokenFor(await createTestUser());
    editor = await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] }));
    // A quest whose title a spreadsheet would run, with a comma, quotes and a line break in it.
    trickyQuest = await createTestQuest(testQuest(`tricky-${Date.now()}`));
    await asService('test-fixture', async (tx) => {
      await tx.update(quests).set({ title: '=HYPERLINK("http://evil.test"), "quoted"\nsecond line' }).where(eq(quests.id, trickyQuest));
      await tx.insert(analyticsEvents).values({ name: 'quest_start', userId: data.users.F, questId: trickyQuest, occurredAt: new Date('2025-03-08T10:00:00Z') });
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  const dashboard = (query: string, bearer?: string) => call(getAnalytics, { path: `/api/admin/analytics?${query}`, bearer });
  const csv = (query: string, bearer?: string) => call(exportCsv, { path: `/api/admin/analytics/export?${query}`, bearer });

  describe('GET /api/admin/analytics', () => {
    it('answers the figures of the range for an analyst', async () => {
      const { status, json } = await dashboard(RANGE, analyst);
      expect(status).toBe(200);
      expect(json.success).toBe(true);
      expect(json.range).toEqual({ from: '2025-03-01', to: '2025-03-10', days: 10, questId: null });
      const m = json.metrics;
      expect(m.activity).toMatchObject({ averageDau: 0.9, mau: 7 });
      expect(m.signups.total).toBe(3);
      expect(m.completions).toMatchObject({ starts: 6, completions: 2 });
      expect(m.funnel).toMatchObject({ questId: data.q1, started: 4, completed: 2 });
      expect(m.sessions).toMatchObject({ sessions: 10, measured: 4, averageSeconds: 1515 });
      expect(m.conversion).toMatchObject({ signedUp: 3, converted: 1 });
      expect(m.churn).toMatchObject({ subscribersAtStart: 5, churned: 2 });
      expect(typeof m.revenue.mrrCents).toBe('number');
    });

    it('shows the chosen quest in the funnel', async () => {
      const { json } = await dashboard(`${RANGE}&questId=${data.q2}`, analyst);
      expect(json.metrics.funnel).toMatchObject({ questId: data.q2, title: 'Known quest two', started: 1 });
    });

    it.each([
      ['from', 'from=2025-03-10&to=2025-03-01'],
      ['to', 'from=2024-01-01&to=2025-01-01'],
      ['from', 'from=last-week&to=2025-03-01'],
      ['to', 'to=2025-13-01'],
      ['questId', `${RANGE}&questId=42`],
    ])('answers 400 naming %s for %s', async (field, query) => {
      const { status, json } = await dashboard(query, analyst);
      expect(status).toBe(400);
      expect(json.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(json.error.fields)).toEqual([field]);
    });

    it('answers 404 naming questId for a quest that does not exist', async () => {
      const { status, json } = await dashboard(`${RANGE}&questId=${UNKNOWN_QUEST}`, analyst);
      expect(status).toBe(404);
      expect(Object.keys(json.error.fields)).toEqual(['questId']);
    });

    it('refuses the signed out (401), learners and admins without view:analytics (403)', async () => {
      expect((await dashboard(RANGE)).status).toBe(401);
      expect((await dashboard(RANGE, learner)).status).toBe(403);
      const { status, json } = await dashboard(RANGE, editor);
      expect(status).toBe(403);
      expect(json.error.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /api/admin/analytics/export', () => {
    it('downloads a CSV attachment named for the metric and range', async () => {
      const { status, response } = await csv(`${RANGE}&metric=dau`, analyst);
      expect(status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="workfree-dau-2025-03-01-to-2025-03-10.csv"');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const lines = (await response.text()).split('\r\n');
      expect(lines[0]).toBe('day,active_users');
      expect(lines.slice(1, 11)).toEqual([
        '2025-03-01,1', '2025-03-02,1', '2025-03-03,1', '2025-03-04,1', '2025-03-05,2',
        '2025-03-06,1', '2025-03-07,0', '2025-03-08,1', '2025-03-09,0', '2025-03-10,1',
      ]);
      expect(lines[11]).toBe('');
    });

    it('escapes quotes, commas and line breaks and neutralises formulas in text cells', async () => {
      const { response } = await csv(`${RANGE}&metric=completions`, analyst);
      const text = await response.text();
      expect(text.startsWith('quest_id,quest_title,starts,completions,completion_rate\r\n')).toBe(true);
      expect(text).toContain(`${data.q1},Known quest one,4,2,0.5\r\n`);
      expect(text).toContain(`${trickyQuest},"'=HYPERLINK(""http://evil.test""), ""quoted""\nsecond line",1,0,0\r\n`);
    });

    it('exports the funnel of a quest, steps numbered from 1', async () => {
      const { response } = await csv(`${RANGE}&metric=funnel&questId=${data.q1}`, analyst);
      expect(response.headers.get('content-disposition')).toContain('workfree-funnel-2025-03-01-to-2025-03-10.csv');
      expect((await response.text()).split('\r\n')).toEqual([
        'stage,step,kind,title,learners_reached,learners_answered',
        'started,,,Known quest one,4,',
        'step,1,reading,Read this,4,',
        'step,2,quiz,Answer this,3,3',
        'step,3,task,Do this,2,2',
        'completed,,,Known quest one,2,',
        '',
      ]);
    });

    it('exports sessions per day and subscriptions per plan', async () => {
      const sessions = (await (await csv(`${RANGE}&metric=sessions`, analyst)).response.text()).split('\r\n');
      expect(sessions[0]).toBe('day,sessions,measured_sessions,average_duration_seconds');
      expect(sessions[1]).toBe('2025-03-01,2,2,1650');
      expect(sessions[4]).toBe('2025-03-04,1,0,');
      const plans = (await (await csv(`${RANGE}&metric=subscriptions`, analyst)).response.text()).split('\r\n');
      expect(plans[0]).toBe('plan_id,plan,interval,price_cents,subscriptions,mrr_cents');
      expect(plans).toContain('premium-monthly,Premium monthly,month,900,3,2700');
      expect(plans).toContain('price_1UnknownToTheApp,,,,1,');
      const signups = (await (await csv(`${RANGE}&metric=signups`, analyst)).response.text()).split('\r\n');
      expect(signups.slice(0, 3)).toEqual(['day,sign_ups', '2025-03-01,1', '2025-03-02,1']);
    });

    it.each([
      ['metric', `${RANGE}&metric=revenue`],
      ['metric', RANGE],
      ['questId', `${RANGE}&metric=funnel`],
      ['questId', `${RANGE}&metric=funnel&questId=nope`],
      ['from', 'from=2025-03-10&to=2025-03-01&metric=dau'],
      ['to', 'from=2024-01-01&to=2025-06-01&metric=dau'],
    ])('answers 400 naming %s for %s', async (field, query) => {
      const { status, json } = await csv(query, analyst);
      expect(status).toBe(400);
      expect(Object.keys(json.error.fields)).toEqual([field]);
    });

    it('answers 404 for the funnel of an unknown quest', async () => {
      expect((await csv(`${RANGE}&metric=funnel&questId=${UNKNOWN_QUEST}`, analyst)).status).toBe(404);
    });

    it('refuses the signed out (401), learners and admins without view:analytics (403)', async () => {
      expect((await csv(`${RANGE}&metric=dau`)).status).toBe(401);
      expect((await csv(`${RANGE}&metric=dau`, learner)).status).toBe(403);
      const { status, response } = await csv(`${RANGE}&metric=dau`, editor);
      expect(status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
    });
  });
});
