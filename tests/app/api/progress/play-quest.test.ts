import { eq } from 'drizzle-orm';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { GET as listProgress } from '@/app/api/progress/route';
import { GET as getProgress, PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { asService } from '@/lib/db';
import { stepAnswers, userProgress, xpLedger } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { learnerWithProgress } from '../../../support/learners';
import { tokenFor } from '../../../support/sessions';

/** The integrity rules of ARCHITECTURE §6, tried through the API as an outside client would. */
describe('playing a quest through the API', () => {
  let database: TestDatabase;
  let questId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('play-basics', { xpReward: 120 }));
  });
  afterAll(async () => {
    await database.drop();
  });

  const put = (bearer: string, id: string, body: object) => call(putProgress, { method: 'PUT', bearer, params: { id }, body });
  const answer = (bearer: string, id: string, position: number, value: unknown) =>
    call(answerStep, { method: 'POST', bearer, params: { id, position: String(position) }, body: { answer: value } });

  it('hands the player the steps without answer keys, and grades on the server', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const detail = await call(getProgress, { bearer, params: { id: progressId } });
    expect(detail.status).toBe(200);
    expect(detail.json.steps.map((s: { kind: string }) => s.kind)).toEqual(['reading', 'quiz', 'task']);
    expect(JSON.stringify(detail.json)).not.toContain('Because b is the right one');
    expect(detail.json.steps[1]).toMatchObject({ choices: [{ id: 'a' }, { id: 'b' }], allowMultiple: false, result: null });

    expect((await answer(bearer, progressId, 1, ['b'])).json.error.code).toBe('STEP_LOCKED');
    expect((await put(bearer, progressId, { currentStep: 1, progressPercentage: 33, timeSpent: 0 })).status).toBe(200);
    const graded = await answer(bearer, progressId, 1, ['a']);
    expect(graded.json).toMatchObject({ success: true, correct: false, explanation: 'Because b is the right one.' });
    // The first answer is final: answering again with the right option changes nothing.
    expect((await answer(bearer, progressId, 1, ['b'])).json.correct).toBe(false);
  });

  it('will not move past an unanswered quiz or unconfirmed task (409)', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    const skip = await put(bearer, progressId, { currentStep: 2, progressPercentage: 66, timeSpent: 0 });
    expect(skip.status).toBe(409);
    expect(skip.json.error).toMatchObject({ code: 'STEP_NOT_DONE', fields: { currentStep: expect.any(Array) } });
    const finish = await put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0 });
    expect(finish.status).toBe(409);
  });

  it('completes on the last step with a computed score; a forged score is ignored; XP once', async () => {
    const { user, bearer, progressId } = await learnerWithProgress(questId);
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    await answer(bearer, progressId, 1, ['a']); // wrong: the score will be 0
    await put(bearer, progressId, { currentStep: 2, progressPercentage: 0, timeSpent: 0 });
    expect((await answer(bearer, progressId, 2, [])).status).toBe(400);
    expect((await answer(bearer, progressId, 2, ['c1'])).json.correct).toBe(true);
    const done = await put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0, score: 100 });
    expect(done.status).toBe(200);
    expect(done.json.progress).toMatchObject({ status: 'completed', score: 0, progressPercentage: 100, completedAt: expect.any(String) });
    expect(done.json.xpEarned).toBe(120);
    expect(done.json.achievementsUnlocked).toEqual(expect.any(Array));
    const replay = await put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0, score: 100 });
    expect(replay.json.xpEarned).toBe(0);
    const ledger = await asService('test', (tx) => tx.select().from(xpLedger).where(eq(xpLedger.userId, user.id)));
    expect(ledger.filter((r) => r.reason === 'quest_completed')).toHaveLength(1);
  });

  it('grants XP exactly once when 50 completion requests race', async () => {
    const { user, bearer, progressId } = await learnerWithProgress(questId);
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    await answer(bearer, progressId, 1, ['b']);
    await put(bearer, progressId, { currentStep: 2, progressPercentage: 0, timeSpent: 0 });
    await answer(bearer, progressId, 2, ['c1']);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => put(bearer, progressId, { currentStep: 3, progressPercentage: 100, timeSpent: 0 })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.map((r) => r.json.xpEarned).filter((xp) => xp > 0)).toEqual([120]);
    const ledger = await asService('test', (tx) => tx.select().from(xpLedger).where(eq(xpLedger.userId, user.id)));
    expect(ledger.filter((r) => r.reason === 'quest_completed')).toHaveLength(1);
    const stats = (await call(listProgress, { bearer })).json.stats;
    expect(stats).toMatchObject({ completedQuests: 1, averageScore: 100 });
    expect(stats.totalXP).toBeGreaterThanOrEqual(120);
  });

  it('keeps the first of 30 racing answers to one step: one stored answer, every reply the same', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    // Half right, half wrong, all at once: whichever holds the row lock first decides for all.
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => answer(bearer, progressId, 1, [i % 2 ? 'a' : 'b'])));
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(new Set(replies.map((r) => JSON.stringify(r.json.answer))).size).toBe(1);
    expect(new Set(replies.map((r) => r.json.correct)).size).toBe(1);
    const stored = await asService('test', (tx) => tx.select().from(stepAnswers).where(eq(stepAnswers.progressId, progressId)));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answer).toEqual(replies[0]!.json.answer);
  });

  it('lets time spent only grow, and never past the wall time since the start', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    await asService('test', (tx) =>
      tx.update(userProgress).set({ startedAt: new Date(Date.now() - 600_000) }).where(eq(userProgress.id, progressId)),
    );
    const inflated = await put(bearer, progressId, { currentStep: 0, progressPercentage: 0, timeSpent: 999_999 });
    expect(inflated.json.progress.timeSpent).toBeGreaterThanOrEqual(599);
    expect(inflated.json.progress.timeSpent).toBeLessThanOrEqual(601);
    const shrunk = await put(bearer, progressId, { currentStep: 0, progressPercentage: 0, timeSpent: 5 });
    expect(shrunk.json.progress.timeSpent).toBe(inflated.json.progress.timeSpent);
  });

  it('answers 404 to another learner for every progress route', async () => {
    const { progressId } = await learnerWithProgress(questId);
    const intruder = await tokenFor(await createTestUser());
    expect((await call(getProgress, { bearer: intruder, params: { id: progressId } })).status).toBe(404);
    expect((await put(intruder, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 })).status).toBe(404);
    expect((await answer(intruder, progressId, 1, ['b'])).status).toBe(404);
    expect((await call(listProgress, { bearer: intruder })).json.progress).toEqual([]);
  });

  it('answers 401 without a session and 400 naming the fields for bad input', async () => {
    const { bearer, progressId } = await learnerWithProgress(questId);
    expect((await call(listProgress)).status).toBe(401);
    expect((await call(getProgress, { params: { id: progressId } })).status).toBe(401);
    const bad = await put(bearer, progressId, { currentStep: 'two', progressPercentage: 101, timeSpent: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['currentStep', 'progressPercentage', 'timeSpent']);
    expect((await put(bearer, progressId, { currentStep: 99, progressPercentage: 0, timeSpent: 0 })).json.error.fields).toHaveProperty('currentStep');
    expect((await call(getProgress, { bearer, params: { id: 'not-a-uuid' } })).json.error.fields).toHaveProperty('id');
    expect((await answer(bearer, progressId, 0, ['a'])).json.error.fields).toHaveProperty('position');
    await put(bearer, progressId, { currentStep: 1, progressPercentage: 0, timeSpent: 0 });
    expect((await answer(bearer, progressId, 1, ['z'])).json.error.fields).toHaveProperty('answer');
    expect((await answer(bearer, progressId, 1, ['a', 'b'])).json.error.fields).toHaveProperty('answer');
    expect((await answer(bearer, progressId, 1, 42)).json.error.fields).toHaveProperty('answer');
    const badPosition = await call(answerStep, { method: 'POST', bearer, params: { id: progressId, position: 'x' }, body: { answer: ['a'] } });
    expect(badPosition.json.error.fields).toHaveProperty('position');
  });
});
