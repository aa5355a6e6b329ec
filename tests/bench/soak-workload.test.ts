import { classifyOutcome, nextIdleLearner, pickAction, planRequest, WORKLOAD_MIX, type Catalog, type Learner } from '@/bench/lib/workload';
import type { HttpResult } from '@/bench/lib/loopback-client';

const catalog: Catalog = { questIds: ['q1', 'q2'], startable: ['q1'], categories: ['Career'], searchWords: ['Budget'], totalPages: 3 };
const learner = (over: Partial<Learner> = {}): Learner => ({ userId: 'u', token: 't', busy: false, ...over });
const answer = (status: number, body: unknown, code?: string): HttpResult => ({ status, headers: {}, body, code, failure: undefined, elapsedMs: 1 });
const fixed = (value: number) => () => value;

describe('workload mix', () => {
  it('has weights summing to 100 % and picks each action in its share of [0, 1)', () => {
    expect(WORKLOAD_MIX.reduce((s, m) => s + m.weight, 0)).toBe(100);
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      const action = pickAction(i / 1000);
      counts.set(action, (counts.get(action) ?? 0) + 1);
    }
    for (const { action, weight } of WORKLOAD_MIX) expect(counts.get(action)).toBe(weight * 10);
  });
});

describe('status classification', () => {
  it('counts 2xx as success', () => {
    expect(classifyOutcome('start-quest', 201, undefined)).toBe('ok');
  });

  it('accepts only the named 409s as expected outcomes of the step routes', () => {
    expect(classifyOutcome('grade-step', 409, 'STEP_LOCKED')).toBe('expected');
    expect(classifyOutcome('advance-step', 409, 'STEP_NOT_DONE')).toBe('expected');
    expect(classifyOutcome('advance-step', 409, 'STEP_LOCKED')).toBe('error');
    expect(classifyOutcome('catalog-api', 409, 'STEP_LOCKED')).toBe('error');
  });

  it('counts 429, other 4xx, 5xx and no answer as errors', () => {
    expect(classifyOutcome('grade-step', 429, 'RATE_LIMITED')).toBe('error');
    expect(classifyOutcome('catalog-api', 400, 'VALIDATION_ERROR')).toBe('error');
    expect(classifyOutcome('progress-list', 503, 'DATABASE_UNAVAILABLE')).toBe('error');
    expect(classifyOutcome('player', 0, 'TIMEOUT')).toBe('error');
    expect(classifyOutcome('dropped', 0, 'DROPPED')).toBe('error');
  });
});

describe('a learner playing a quest', () => {
  it('starts a startable quest when none is open, and remembers the progress', () => {
    const l = learner();
    const planned = planRequest('play-step', l, catalog, fixed(0));
    expect(planned).toMatchObject({ op: 'start-quest', spec: { method: 'POST', path: '/api/quests/q1/start' } });
    planned.apply!(answer(201, { success: true, progress: { id: 'p1', currentStep: 0, status: 'in_progress' } }));
    expect(l.quest).toMatchObject({ progressId: 'p1', currentStep: 0, completed: false });
  });

  it('loads the player to learn the steps, then answers a quiz with one choice and a task with every item', () => {
    const l = learner({ quest: { progressId: 'p1', currentStep: 1, completed: false, startedAt: Date.now() } });
    const load = planRequest('play-step', l, catalog, fixed(0));
    expect(load).toMatchObject({ op: 'player', spec: { method: 'GET', path: '/api/progress/p1' } });
    load.apply!(
      answer(200, {
        progress: { id: 'p1', currentStep: 1, status: 'in_progress' },
        steps: [
          { position: 0, kind: 'reading', choices: null, result: null },
          { position: 1, kind: 'quiz', choices: [{ id: 'a' }, { id: 'b' }], result: null },
          { position: 2, kind: 'task', choices: [{ id: 'x' }, { id: 'y' }], result: null },
        ],
      }),
    );
    const quiz = planRequest('play-step', l, catalog, fixed(0));
    expect(quiz).toMatchObject({ op: 'grade-step', spec: { method: 'POST', path: '/api/progress/p1/steps/1', json: { answer: ['a'] } } });
    quiz.apply!(answer(200, { correct: false }));
    const advance = planRequest('play-step', l, catalog, fixed(0));
    expect(advance).toMatchObject({ op: 'advance-step', spec: { method: 'PUT', path: '/api/progress/p1', json: { currentStep: 2 } } });
    advance.apply!(answer(200, { progress: { id: 'p1', currentStep: 2, status: 'in_progress' } }));
    expect(planRequest('play-step', l, catalog, fixed(0)).spec).toMatchObject({ path: '/api/progress/p1/steps/2', json: { answer: ['x', 'y'] } });
  });

  it('drops a completed quest so the next step starts another one', () => {
    const l = learner({ quest: { progressId: 'p1', currentStep: 0, completed: false, startedAt: Date.now(), steps: [{ position: 0, kind: 'reading', choiceIds: [], answered: false }] } });
    const finish = planRequest('play-step', l, catalog, fixed(0));
    expect(finish.spec.json).toMatchObject({ currentStep: 1 });
    finish.apply!(answer(200, { progress: { id: 'p1', currentStep: 1, status: 'completed' } }));
    expect(l.quest).toBeUndefined();
  });

  it('reloads the player when the server says a step is not done (stale view)', () => {
    const l = learner({ quest: { progressId: 'p1', currentStep: 0, completed: false, startedAt: Date.now(), steps: [{ position: 0, kind: 'reading', choiceIds: [], answered: false }, { position: 1, kind: 'quiz', choiceIds: ['a'], answered: false }] } });
    planRequest('play-step', l, catalog, fixed(0)).apply!(answer(409, {}, 'STEP_NOT_DONE'));
    expect(planRequest('play-step', l, catalog, fixed(0)).op).toBe('player');
  });

  it('sends pages the session cookie and the API the bearer token', async () => {
    const { authHeaders } = await import('@/bench/lib/workload');
    expect(authHeaders('catalog-page', 'tok')).toEqual({ cookie: 'wf_access=tok' });
    expect(authHeaders('progress-list', 'tok')).toEqual({ authorization: 'Bearer tok' });
  });
});

describe('learner rotation', () => {
  it('goes round the learners, skipping those with a request in flight, and gives up when all are busy', () => {
    const learners = [learner({ userId: 'a' }), learner({ userId: 'b', busy: true }), learner({ userId: 'c' })];
    const cursor = { at: 0 };
    expect(nextIdleLearner(learners, cursor)?.userId).toBe('a');
    expect(nextIdleLearner(learners, cursor)?.userId).toBe('c');
    expect(nextIdleLearner(learners, cursor)?.userId).toBe('a');
    for (const l of learners) l.busy = true;
    expect(nextIdleLearner(learners, cursor)).toBeUndefined();
  });
});
