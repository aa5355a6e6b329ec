import { eq } from 'drizzle-orm';
import { POST as create } from '@/app/api/admin/quests/route';
import { PUT as update } from '@/app/api/admin/quests/[id]/route';
import { POST as publish } from '@/app/api/admin/quests/[id]/publish/route';
import { POST as archive } from '@/app/api/admin/quests/[id]/archive/route';
import { GET as catalog } from '@/app/api/quests/route';
import { GET as overview } from '@/app/api/quests/[id]/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { GET as listProgress } from '@/app/api/progress/route';
import { GET as getProgress, PUT as putProgress } from '@/app/api/progress/[id]/route';
import { POST as answerStep } from '@/app/api/progress/[id]/steps/[position]/route';
import { asService } from '@/lib/db';
import { questSteps, stepAnswers, userProgress, xpLedger } from '@/lib/db/schema';
import type { EditorStep } from '@/lib/admin/quests/schemas';
import type { QuestEditorView } from '@/lib/admin/quests/types';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';
import { editorQuest, quizStep, readingStep, taskStep } from '../../../../lib/admin/quests/editor-fixtures';

/**
 * Editing a published quest while learners are in it: stable step ids, removed steps archived,
 * progress reconciled, grading and completion (XP once) still right, answer keys never leaked.
 */
describe('editing a quest learners are playing', () => {
  let database: TestDatabase;
  let adminBearer: string;
  let quest: QuestEditorView;
  beforeAll(async () => {
    database = await createTestDatabase();
    adminBearer = await tokenFor(await createTestUser({ role: 'admin' }));
    const res = await call(create, {
      bearer: adminBearer,
      body: editorQuest('live-edits', {
        xpReward: 90,
        steps: [readingStep('Intro'), quizStep('First quiz', ['b']), taskStep('The task'), readingStep('Wrap-up')],
      }),
    });
    quest = res.json.quest;
    expect((await call(publish, { method: 'POST', bearer: adminBearer, params: { id: quest.id } })).status).toBe(200);
  });
  afterAll(async () => {
    await database.drop();
  });

  const bodyOf = ({ id: _i, status: _s, publishedAt: _p, updatedAt: _u, learnerCount: _l, archivedStepCount: _a, ...body }: QuestEditorView) => body;
  const edit = async (steps: EditorStep[]) => {
    const res = await call(update, { method: 'PUT', bearer: adminBearer, params: { id: quest.id }, body: { ...bodyOf(quest), steps } });
    expect(res.status).toBe(200);
    quest = res.json.quest;
    return quest;
  };
  async function learner() {
    const user = await createTestUser();
    const bearer = await tokenFor(user);
    const started = await call(start, { method: 'POST', bearer, params: { id: quest.id } });
    expect(started.status).toBe(201);
    const progressId = started.json.progress.id as string;
    return {
      user,
      bearer,
      progressId,
      move: (currentStep: number) => call(putProgress, { method: 'PUT', bearer, params: { id: progressId }, body: { currentStep, progressPercentage: 0, timeSpent: 0 } }),
      answer: (position: number, answer: string[]) =>
        call(answerStep, { method: 'POST', bearer, params: { id: progressId, position: String(position) }, body: { answer } }),
      detail: () => call(getProgress, { bearer, params: { id: progressId } }),
      row: async () => (await asService('test', (tx) => tx.select().from(userProgress).where(eq(userProgress.id, progressId))))[0]!,
    };
  }
  const questXp = (userId: string) =>
    asService('test', (tx) => tx.select().from(xpLedger).where(eq(xpLedger.userId, userId))).then((rows) =>
      rows.filter((r) => r.reason === 'quest_completed'),
    );

  it('keeps everyone on valid ground through inserts, removals and reordering', async () => {
    const [intro, firstQuiz, task, wrapUp] = quest.steps;

    // midway: answered the quiz, standing on the task. finished: completed with XP. fresh: at 0.
    const midway = await learner();
    expect((await midway.move(1)).status).toBe(200);
    expect((await midway.answer(1, ['b'])).json.correct).toBe(true);
    expect((await midway.move(2)).status).toBe(200);
    const finished = await learner();
    await finished.move(1);
    await finished.answer(1, ['a']);
    await finished.move(2);
    await finished.answer(2, ['c1', 'c2']);
    const done = await finished.move(4);
    expect(done.json).toMatchObject({ progress: { status: 'completed' }, xpEarned: 90 });
    const fresh = await learner();

    // The editor drops the answered quiz, puts a new quiz first and moves the wrap-up before the task.
    const edited = await edit([quizStep('New opening quiz', ['a']), intro!, wrapUp!, task!]);
    expect(edited.steps.slice(1).map((s) => s.id)).toEqual([intro!.id, wrapUp!.id, task!.id]);
    expect(edited).toMatchObject({ archivedStepCount: 1, learnerCount: 3 });

    // The answered quiz is archived, not deleted: the learner's graded answer keeps its step.
    const [archivedStep] = await asService('test', (tx) => tx.select().from(questSteps).where(eq(questSteps.id, firstQuiz!.id)));
    expect(archivedStep).toMatchObject({ archivedAt: expect.any(Date) });
    expect(archivedStep!.position).toBeLessThan(0);
    const kept = await asService('test', (tx) => tx.select().from(stepAnswers).where(eq(stepAnswers.stepId, firstQuiz!.id)));
    expect(kept).toHaveLength(2);

    // midway stood past a quiz they have not answered yet: they are moved back to it.
    expect(await midway.row()).toMatchObject({ currentStep: 0, totalSteps: 4, status: 'in_progress', progressPercentage: 0 });
    expect(await fresh.row()).toMatchObject({ currentStep: 0, totalSteps: 4 });
    // finished stays finished, with its XP, counting the new steps.
    expect(await finished.row()).toMatchObject({ status: 'completed', currentStep: 4, totalSteps: 4, progressPercentage: 100 });

    // The learner never sees the archived step, anywhere.
    const detail = await midway.detail();
    expect(detail.json.steps.map((s: { id: string }) => s.id)).toEqual(edited.steps.map((s) => s.id));
    expect(detail.json.progress).toMatchObject({ currentStep: 0, totalSteps: 4 });
    expect(JSON.stringify(detail.json)).not.toContain(firstQuiz!.id);
    const outline = await call(overview, { bearer: midway.bearer, params: { id: quest.id } });
    expect(outline.json.quest.outline.map((s: { id: string }) => s.id)).toEqual(edited.steps.map((s) => s.id));
    const listed = (await call(catalog, { path: '/api/quests?category=Authoring' })).json.quests.find((q: { id: string }) => q.id === quest.id);
    expect(listed.stepCount).toBe(4);

    // Playing on works: moving past the new quiz is refused until it is answered, then it counts.
    expect((await midway.move(1)).json.error.code).toBe('STEP_NOT_DONE');
    expect((await midway.answer(0, ['a'])).json).toMatchObject({ correct: true });
    expect((await midway.move(3)).status).toBe(200);
    expect((await midway.move(4)).json.error.code).toBe('STEP_NOT_DONE');
    // The task was already confirmed before the edit? No: it was not, so confirm it now.
    expect((await midway.answer(3, ['c1', 'c2'])).json.correct).toBe(true);
    const completed = await midway.move(4);
    expect(completed.json).toMatchObject({ progress: { status: 'completed', score: 100 }, xpEarned: 90 });
    expect((await midway.move(4)).json.xpEarned).toBe(0);
    expect(await questXp(midway.user.id)).toHaveLength(1);

    // finished keeps exactly one grant; a replayed completion earns nothing more.
    expect((await finished.move(4)).json.xpEarned).toBe(0);
    expect(await questXp(finished.user.id)).toHaveLength(1);

    // fresh plays the new version from the start.
    expect((await fresh.answer(0, ['b'])).json.correct).toBe(false);
    expect((await fresh.move(3)).status).toBe(200);
  });

  it('archives, not deletes, any removed step once the quest has learners, and clamps them to what exists', async () => {
    const walker = await learner();
    const positions = quest.steps.map((s, i) => [s.kind, i] as const);
    // Answer everything except the last step (the task), standing on it.
    for (const [kind, position] of positions.slice(0, -1)) {
      if (kind === 'quiz') await walker.answer(position, ['a']);
      expect((await walker.move(position + 1)).status).toBe(200);
    }
    expect((await walker.row()).currentStep).toBe(3);
    const archivedBefore = quest.archivedStepCount;
    // Remove the last (unanswered) task: with learners in the quest it is archived all the same.
    const removedId = quest.steps[3]!.id;
    await edit(quest.steps.slice(0, 3));
    expect(quest.archivedStepCount).toBe(archivedBefore + 1);
    const [removed] = await asService('test', (tx) => tx.select().from(questSteps).where(eq(questSteps.id, removedId)));
    expect(removed?.archivedAt).toBeInstanceOf(Date);
    // Standing on step 3 of a quest that now has 3 steps: moved to the last one, all of it done.
    expect(await walker.row()).toMatchObject({ currentStep: 2, totalSteps: 3, status: 'in_progress' });
    const finish = await walker.move(3);
    expect(finish.json).toMatchObject({ progress: { status: 'completed' }, xpEarned: 90 });
  });

  it('never regrades answers when the answer key changes', async () => {
    const early = await learner();
    expect((await early.answer(0, ['a'])).json.correct).toBe(true);
    const [first, ...rest] = quest.steps;
    await edit([{ ...first!, answer: { correct: ['c'], explanation: 'Changed: C is right now.' } } as EditorStep, ...rest]);
    const result = (await early.detail()).json.steps[0].result;
    expect(result).toMatchObject({ answer: ['a'], correct: true });
    const late = await learner();
    expect((await late.answer(0, ['a'])).json.correct).toBe(false);
    expect((await late.answer(0, ['c'])).json.correct).toBe(false); // the first answer is final
    const later = await learner();
    expect((await later.answer(0, ['c'])).json).toMatchObject({ correct: true, explanation: 'Changed: C is right now.' });
  });

  it('never shows answer keys to learners, even right after an edit', async () => {
    const [first, ...rest] = quest.steps;
    await edit([{ ...first!, answer: { correct: ['b'], explanation: 'SECRET-EXPLANATION-AFTER-EDIT' } } as EditorStep, ...rest]);
    const viewer = await learner();
    const responses = [
      await viewer.detail(),
      await call(overview, { bearer: viewer.bearer, params: { id: quest.id } }),
      await call(catalog, { bearer: viewer.bearer, path: '/api/quests?category=Authoring' }),
      await call(listProgress, { bearer: viewer.bearer }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).not.toContain('SECRET-EXPLANATION-AFTER-EDIT');
      expect(JSON.stringify(res.json)).not.toContain('"correct":["');
    }
    // Only once answered does the learner get the explanation.
    expect((await viewer.answer(0, ['b'])).json.explanation).toBe('SECRET-EXPLANATION-AFTER-EDIT');
  });

  it('hides archived steps from an admin playing the quest too', async () => {
    const adminPlayer = await createTestUser({ role: 'admin' });
    const bearer = await tokenFor(adminPlayer);
    const started = await call(start, { method: 'POST', bearer, params: { id: quest.id } });
    const detail = await call(getProgress, { bearer, params: { id: started.json.progress.id } });
    expect(quest.archivedStepCount).toBeGreaterThan(0);
    expect(detail.json.steps.map((s: { id: string }) => s.id)).toEqual(quest.steps.map((s) => s.id));
    expect(detail.json.progress.totalSteps).toBe(quest.steps.length);
  });

  it('learners answering and finishing while the editor saves neither fail nor deadlock', async () => {
    const players = await Promise.all([learner(), learner(), learner(), learner()]);
    const [quiz, ...rest] = quest.steps;
    for (let round = 0; round < 4; round++) {
      const retitled = [{ ...quiz!, title: `Opening quiz, take ${round}` } as EditorStep, ...rest];
      const results = await Promise.all([
        call(update, { method: 'PUT', bearer: adminBearer, params: { id: quest.id }, body: { ...bodyOf(quest), slug: `live-edits-${round}`, steps: retitled } }),
        ...players.map((p, i) => (round === 0 ? p.answer(0, ['b']) : p.move(Math.min(round, quest.steps.length - 1 + (i % 2))))),
      ]);
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      quest = results[0]!.json.quest;
    }
    for (const p of players) expect((await p.row()).totalSteps).toBe(quest.steps.length);
  });

  it('archiving the quest takes it out of the catalog and out of play; learners keep their progress and XP', async () => {
    const midway = await learner();
    const [row] = await asService('test', (tx) => tx.select().from(userProgress).where(eq(userProgress.questId, quest.id)).limit(1));
    const xpBefore = await questXp(row!.userId);
    expect((await call(archive, { method: 'POST', bearer: adminBearer, params: { id: quest.id } })).json.quest.status).toBe('archived');
    const listed = (await call(catalog, { path: '/api/quests?category=Authoring' })).json.quests;
    expect(listed.map((q: { id: string }) => q.id)).not.toContain(quest.id);
    const rows = await asService('test', (tx) => tx.select().from(userProgress).where(eq(userProgress.questId, quest.id)));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(await questXp(row!.userId)).toEqual(xpBefore);
    // Nothing more can be answered or finished in a withdrawn quest.
    const answered = await midway.answer(1, ['a']);
    expect(answered.status).toBe(409);
    expect(answered.json.error.code).toBe('QUEST_UNAVAILABLE');
    const finished = await midway.move(99);
    expect(finished.json.error.code).toBe('QUEST_UNAVAILABLE');
    expect(await questXp(midway.user.id)).toEqual([]);
  });
});
