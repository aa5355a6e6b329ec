import { eq } from 'drizzle-orm';
import { PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { asService } from '@/lib/db';
import { analyticsEvents, progressClientEvents, stepAnswers, userProgress, xpLedger } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, testQuest } from '../../support/fixtures';
import { call } from '../../support/http';
import { learnerWithProgress } from '../../support/learners';

/** Contract 4: offline-queued step moves and answers carry a client event id and apply once. */
describe('progress client event ids (offline sync)', () => {
  let database: TestDatabase;
  let questId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('client-events', { xpReward: 80 }));
  });
  afterAll(async () => {
    await database.drop();
  });

  const put = (bearer: string, id: string, body: object) => call(putProgress, { method: 'PUT', bearer, params: { id }, body });
  const answer = (bearer: string, id: string, position: number, body: object) =>
    call(answerStep, { method: 'POST', bearer, params: { id, position: String(position) }, body });
  const rowsOf = (progressId: string) =>
    asService('test', async (tx) => ({
      progress: (await tx.select().from(userProgress).where(eq(userProgress.id, progressId)))[0]!,
      answers: await tx.select().from(stepAnswers).where(eq(stepAnswers.progressId, progressId)),
      events: await tx.select().from(progressClientEvents).where(eq(progressClientEvents.progressId, progressId)),
    }));

  it('answers a replayed step move with the stored outcome and applies nothing again', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const clientEventId = crypto.randomUUID();
    const first = await put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId });
    expect(first.status).toBe(200);
    expect(first.json.progress.currentStep).toBe(1);

    const replay = await put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId });
    expect(replay.status).toBe(200);
    expect(replay.json.progress).toEqual(first.json.progress);
    const { events } = await rowsOf(progressId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ clientEventId, kind: 'progress_update' });
  });

  it('returns the first completion (with its XP) to a replayed completion and grants XP once', async () => {
    const { user, bearer, progressId } = await learnerWithProgress(questId);
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    await answer(bearer, progressId, 1, { answer: ['b'], clientEventId: crypto.randomUUID() });
    await put(bearer, progressId, { currentStep: 2, progressPercentage: 0, timeSpent: 0 });
    await answer(bearer, progressId, 2, { answer: ['c1'] });
    const clientEventId = crypto.randomUUID();
    const done = await put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0, clientEventId });
    expect(done.json.xpEarned).toBe(80);
    const replay = await put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0, clientEventId });
    // Without the id a resend would say 0 XP; with it the learner sees what the first send earned.
    expect(replay.json.xpEarned).toBe(80);
    expect(replay.json.progress).toEqual(done.json.progress);
    const completions = await asService('test', (tx) =>
      tx.select().from(analyticsEvents).where(eq(analyticsEvents.userId, user.id)),
    );
    expect(completions.filter((e) => e.name === 'quest_complete')).toHaveLength(1);
    const ledger = await asService('test', (tx) => tx.select().from(xpLedger).where(eq(xpLedger.userId, user.id)));
    expect(ledger.filter((r) => r.reason === 'quest_completed')).toHaveLength(1);
  });

  it('replays a graded answer with the stored result and records one answer', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    const clientEventId = crypto.randomUUID();
    const graded = await answer(bearer, progressId, 1, { answer: ['b'], clientEventId });
    expect(graded.json).toMatchObject({ correct: true });
    const again = await answer(bearer, progressId, 1, { answer: ['b'], clientEventId });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(graded.json);
    const { answers, events } = await rowsOf(progressId);
    expect(answers).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual(['step_answer']);
  });

  it('applies one change when the same event is sent many times at once', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const clientEventId = crypto.randomUUID();
    const sends = await Promise.all(
      Array.from({ length: 8 }, () => put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId })),
    );
    expect(sends.map((s) => s.status)).toEqual(Array(8).fill(200));
    expect((await rowsOf(progressId)).events).toHaveLength(1);
  });

  it("does not see another learner's client event id", async () => {
    const a = await learnerWithProgress(questId);
    const b = await learnerWithProgress(questId);
    const clientEventId = crypto.randomUUID();
    expect((await put(a.bearer, a.progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId })).status).toBe(200);
    // The same id from B is B's own new event: applied to B's progress, not answered with A's outcome.
    const fromB = await put(b.bearer, b.progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId });
    expect(fromB.status).toBe(200);
    expect(fromB.json.progress.id).toBe(b.progressId);
    // And B cannot replay A's id against A's progress: that progress does not exist for B.
    expect((await put(b.bearer, a.progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId })).status).toBe(404);
    expect((await rowsOf(b.progressId)).progress.currentStep).toBe(1);
  });

  it('refuses an id reused for a different request (409 naming clientEventId)', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const clientEventId = crypto.randomUUID();
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId });
    const reused = await answer(bearer, progressId, 1, { answer: ['b'], clientEventId });
    expect(reused.status).toBe(409);
    expect(reused.json.error.fields).toHaveProperty('clientEventId');
    expect((await rowsOf(progressId)).answers).toHaveLength(0);
  });

  it('answers 400 naming clientEventId when it is not a UUID', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const bad = await put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0, clientEventId: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('clientEventId');
    const badAnswer = await answer(bearer, progressId, 1, { answer: ['b'], clientEventId: 42 });
    expect(badAnswer.status).toBe(400);
    expect(badAnswer.json.error.fields).toHaveProperty('clientEventId');
    expect((await rowsOf(progressId)).progress.currentStep).toBe(0);
  });
});
