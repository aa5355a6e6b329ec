import { eq } from 'drizzle-orm';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { asService } from '@/lib/db';
import { analyticsEvents } from '@/lib/db/schema';
import { recordEvent } from '@/lib/analytics/record-event';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, testQuest } from '../../support/fixtures';
import { call } from '../../support/http';
import { captureLogs } from '../observability/log-capture';

/** The app feeds analytics as learners use it: one event per fact, none for refused requests. */
describe('analytics events', () => {
  let database: TestDatabase;
  let questId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('events-quest'));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('records sign-up, login, quest start, answers and completion for a learner', async () => {
    const email = `events-${Date.now()}@example.test`;
    const { json } = await call(register, { body: { email, password: 'correct horse battery', fullName: 'Events' } });
    const userId = json.user.id as string;
    const bearer = (await call(login, { body: { email, password: 'correct horse battery' } })).json.token as string;
    const progressId = (await call(start, { method: 'POST', bearer, params: { id: questId } })).json.progress.id as string;
    await call(start, { method: 'POST', bearer, params: { id: questId } }); // starting again is not a new start
    const put = (currentStep: number) => call(putProgress, { method: 'PUT', bearer, params: { id: progressId }, body: { currentStep, progressPercentage: 0, timeSpent: 0 } });
    await put(1);
    await call(answerStep, { method: 'POST', bearer, params: { id: progressId, position: '1' }, body: { answer: ['b'] } });
    await put(2);
    await call(answerStep, { method: 'POST', bearer, params: { id: progressId, position: '2' }, body: { answer: ['c1'] } });
    await put(3);
    await put(3); // a replayed completion is not a second completion

    const events = await asService('test', (tx) =>
      tx.select().from(analyticsEvents).where(eq(analyticsEvents.userId, userId)).orderBy(analyticsEvents.occurredAt),
    );
    expect(events.map((e) => e.name)).toEqual(['sign_up', 'login', 'quest_start', 'step_answered', 'step_answered', 'quest_complete']);
    expect(events.filter((e) => e.name === 'step_answered').map((e) => [e.stepPosition, e.properties])).toEqual([
      [1, { kind: 'quiz', correct: true }],
      [2, { kind: 'task', correct: true }],
    ]);
    expect(events.at(-1)).toMatchObject({ questId, properties: { score: 100, xpEarned: 100 } });
  });

  it('never breaks the request it observes', async () => {
    const logs = captureLogs();
    await expect(recordEvent({ name: 'login', userId: '00000000-0000-4000-8000-000000000000' })).resolves.toBeUndefined();
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'analytics event not recorded', event: 'login' }));
    logs.stop();
  });
});
