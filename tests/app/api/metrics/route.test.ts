import v8 from 'node:v8';
import vm from 'node:vm';
import { GET as metrics } from '@/app/api/metrics/route';
import { GET as health } from '@/app/api/health/route';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { route } from '@/lib/api/route';
import { ok } from '@/lib/api/respond';
import { resetEnvForTests } from '@/lib/env';
import { recordEventIn } from '@/lib/analytics/record-event';
import { asService } from '@/lib/db';
import { appMetrics, resetAppMetricsForTests } from '@/lib/observability/app-metrics';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { tokenFor } from '../../../support/sessions';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe('GET /api/metrics', () => {
  let database: TestDatabase;
  const saved = process.env.METRICS_TOKEN;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(() => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    resetAppMetricsForTests();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = saved;
    resetEnvForTests();
    resetAppMetricsForTests();
    await database.drop();
  });

  const scrape = (bearer = TOKEN) => call(metrics, { path: '/api/metrics', bearer });
  const scrapeText = async () => {
    const { response } = await scrape();
    return response.text();
  };
  /** The sample value of a line such as `name{labels} 3`, or undefined when absent. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('does not exist without METRICS_TOKEN (404)', async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvForTests();
    const { status, json } = await scrape();
    expect(status).toBe(404);
    expect(json.error.code).toBe('NOT_FOUND');
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await call(metrics, { path: '/api/metrics' })).status).toBe(401);
    const wrong = await scrape(`${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call(metrics, { path: '/api/metrics', headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it('serves the Prometheus text format, uncached, with process metrics', async () => {
    const { status, response } = await scrape();
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_external_memory_bytes', 'process_cpu_seconds_total', 'process_start_time_seconds', 'nodejs_eventloop_lag_p99_seconds']) {
      expect(text).toContain(`# TYPE ${name} `);
      expect(sample(text, name)).toEqual(expect.any(Number));
    }
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(sample(text, 'workfree_signups_total')).toBe(0);
  });

  it('reports the live heap: what was in use right after the last major collection', async () => {
    await scrape(); // the metrics (and their collection watcher) exist from the first scrape on
    // A full collection on demand, without starting Node with --expose-gc.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries are delivered asynchronously
    const text = await (await scrape()).response.text();
    expect(text).toContain('# TYPE nodejs_heap_live_bytes gauge');
    const live = sample(text, 'nodejs_heap_live_bytes')!;
    expect(live).toBeGreaterThan(1_000_000);
    expect(live).toBeLessThanOrEqual(sample(text, 'nodejs_heap_size_total_bytes')!);
  });

  it('counts requests and their latency by method, route pattern and status', async () => {
    const learner = await createTestUser();
    const bearer = await tokenFor(learner);
    const missing = '00000000-0000-4000-8000-000000000000';
    await call(health, { path: '/api/health' });
    await call(health, { path: '/api/health' });
    await call(putProgress, { method: 'PUT', path: `/api/progress/${missing}`, bearer, params: { id: missing }, body: { currentStep: 1, progressPercentage: 0, timeSpent: 0 } });
    await call(route(async () => ok({})), { path: '/api/no/such/route' });
    const text = await scrapeText();
    expect(sample(text, 'http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(2);
    expect(sample(text, 'http_requests_total{method="PUT",route="/api/progress/[id]",status="404"}')).toBe(1);
    expect(sample(text, 'http_requests_total{method="GET",route="other",status="200"}')).toBe(1);
    expect(text).not.toContain(missing);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/health"}')).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_bucket{method="GET",route="/api/health",le="+Inf"}')).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_sum{method="GET",route="/api/health"}')).toBeGreaterThan(0);
  });

  it('counts committed sign-ups, quest completions and the XP they granted, once each', async () => {
    const questId = await createTestQuest(testQuest(`metrics-quest-${Date.now()}`, { xpReward: 70 }));
    const email = `metrics-${Date.now()}@example.test`;
    const signedUp = await call(register, { body: { email, password: 'correct horse battery', fullName: 'Metrics' } });
    expect(signedUp.status).toBe(201);
    const bearer = signedUp.json.token as string;
    const started = await call(start, { method: 'POST', bearer, params: { id: questId } });
    const id = started.json.progress.id as string;
    await call(putProgress, { method: 'PUT', bearer, params: { id }, body: { currentStep: 1, progressPercentage: 0, timeSpent: 0 } });
    await call(answerStep, { method: 'POST', bearer, params: { id, position: '1' }, body: { answer: ['b'] } });
    await call(putProgress, { method: 'PUT', bearer, params: { id }, body: { currentStep: 2, progressPercentage: 0, timeSpent: 0 } });
    await call(answerStep, { method: 'POST', bearer, params: { id, position: '2' }, body: { answer: ['c1'] } });
    const done = await call(putProgress, { method: 'PUT', bearer, params: { id }, body: { currentStep: 3, progressPercentage: 100, timeSpent: 0 } });
    expect(done.json.xpEarned).toBe(70);
    // Replaying the completion earns nothing and is not a second completion.
    await call(putProgress, { method: 'PUT', bearer, params: { id }, body: { currentStep: 3, progressPercentage: 100, timeSpent: 0 } });

    const text = await scrapeText();
    expect(sample(text, 'workfree_signups_total')).toBe(1);
    expect(sample(text, 'workfree_quest_completions_total')).toBe(1);
    expect(sample(text, 'workfree_xp_granted_total')).toBe(70);
  });

  it('does not count a fact whose transaction rolled back', async () => {
    const user = await createTestUser();
    await expect(
      asService('test', async (tx) => {
        await recordEventIn(tx, { name: 'quest_complete', userId: user.id, properties: { xpEarned: 50 } });
        throw new Error('rolled back after the event was written');
      }),
    ).rejects.toThrow('rolled back');
    expect(appMetrics().questCompletions.get()).toBe(0);
    expect(appMetrics().xpGranted.get()).toBe(0);
  });
});
