import { and, eq } from 'drizzle-orm';
import { GET as list, POST as create } from '@/app/api/admin/quests/route';
import { GET as options } from '@/app/api/admin/quests/options/route';
import { DELETE as remove, GET as read, PUT as update } from '@/app/api/admin/quests/[id]/route';
import { POST as publish } from '@/app/api/admin/quests/[id]/publish/route';
import { POST as unpublish } from '@/app/api/admin/quests/[id]/unpublish/route';
import { POST as archive } from '@/app/api/admin/quests/[id]/archive/route';
import { POST as restore } from '@/app/api/admin/quests/[id]/restore/route';
import { GET as catalog } from '@/app/api/quests/route';
import { GET as overview } from '@/app/api/quests/[id]/route';
import { POST as start } from '@/app/api/quests/[id]/start/route';
import { asService } from '@/lib/db';
import { auditLog, quests } from '@/lib/db/schema';
import type { QuestEditorInput } from '@/lib/admin/quests/schemas';
import type { QuestEditorView } from '@/lib/admin/quests/types';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser, type TestUser } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';
import { editorQuest, quizStep, readingStep } from '../../../../lib/admin/quests/editor-fixtures';

describe('authoring quests through the admin API', () => {
  let database: TestDatabase;
  let admin: TestUser;
  let bearer: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await createTestUser({ role: 'admin' });
    bearer = await tokenFor(admin);
  });
  afterAll(async () => {
    await database.drop();
  });

  const headers = { 'x-request-id': 'req-authoring-test' };
  const post = (body: unknown) => call(create, { bearer, body, headers });
  const put = (id: string, body: unknown) => call(update, { method: 'PUT', bearer, params: { id }, body, headers });
  const get = (id: string) => call(read, { bearer, params: { id } });
  const act = (handler: typeof publish, id: string) => call(handler, { method: 'POST', bearer, params: { id }, headers });
  const created = async (input: QuestEditorInput): Promise<QuestEditorView> => {
    const res = await post(input);
    expect(res.status).toBe(201);
    return res.json.quest;
  };
  const auditOf = (targetId: string) =>
    asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.createdAt));
  /** Back to an editor body: the view minus its state fields. */
  const bodyOf = ({ id: _i, status: _s, publishedAt: _p, updatedAt: _u, learnerCount: _l, archivedStepCount: _a, ...body }: QuestEditorView) => body;

  it('creates a draft with its steps and answer keys, owned by the caller, and audits it', async () => {
    const quest = await created(editorQuest('first-draft', { coverImageUrl: '/media/covers/first.png' }));
    expect(quest).toMatchObject({
      slug: 'first-draft',
      status: 'draft',
      publishedAt: null,
      learnerCount: 0,
      archivedStepCount: 0,
      coverImageUrl: '/media/covers/first.png',
      objectives: ['Write a quest'],
    });
    expect(quest.steps.map((s) => s.kind)).toEqual(['reading', 'quiz', 'task']);
    expect(quest.steps.every((s) => typeof s.id === 'string')).toBe(true);
    expect(quest.steps[1]).toMatchObject({ allowMultiple: false, answer: { correct: ['b'], explanation: expect.any(String) } });
    expect(quest.steps[2]).toMatchObject({ checklist: ['Did the first thing', 'Did the second thing'] });
    expect((await get(quest.id)).json.quest).toEqual(quest);

    const [row] = await asService('test', (tx) => tx.select().from(quests).where(eq(quests.id, quest.id)));
    expect(row).toMatchObject({ createdBy: admin.id, isPublished: false });
    const [entry] = await auditOf(quest.id);
    expect(entry).toMatchObject({
      action: 'quest.create',
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: 'quest',
      targetLabel: quest.title,
      before: null,
      requestId: 'req-authoring-test',
    });
    // A step outline, never the bodies or the answer keys.
    expect(entry!.after).toMatchObject({ slug: 'first-draft', steps: [{ kind: 'reading' }, { kind: 'quiz' }, { kind: 'task' }] });
    expect(JSON.stringify(entry!.after)).not.toContain('The editor marked this');
  });

  it('answers 400 naming the field for bad bodies, 404 for unknown ids, 409 for a taken slug', async () => {
    const quest = await created(editorQuest('validated'));
    const cases: [unknown, string][] = [
      [{ ...editorQuest('validated'), slug: 'Bad Slug!' }, 'slug'],
      [{ ...editorQuest('validated'), steps: [quizStep('Quiz', ['z'])] }, 'steps.0.answer.correct'],
      [{ ...editorQuest('validated'), title: '' }, 'title'],
      [{ ...editorQuest('validated'), coverImageUrl: 'ftp://x/y.png' }, 'coverImageUrl'],
    ];
    for (const [body, field] of cases) {
      const res = await put(quest.id, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.error.fields)).toEqual([field]);
    }
    expect((await post({ ...editorQuest('x'), slug: 'no' })).json.error.fields).toHaveProperty('slug');
    expect((await call(create, { bearer, rawBody: '{oops' })).status).toBe(400);
    expect((await call(create, { bearer, rawBody: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);

    const unknownStep = await put(quest.id, { ...bodyOf(quest), steps: [{ ...readingStep(), id: '3b241101-e2bb-4255-8caf-4136c566a962' }] });
    expect(unknownStep.status).toBe(400);
    expect(unknownStep.json.error.fields).toEqual({ 'steps.0.id': ['This step is not part of this quest'] });
    // A step of another quest is not this quest's either.
    const other = await created(editorQuest('other-quest'));
    const foreign = await put(quest.id, { ...bodyOf(quest), steps: [...quest.steps, other.steps[0]] });
    expect(foreign.json.error.fields).toEqual({ 'steps.3.id': ['This step is not part of this quest'] });

    const taken = await put(quest.id, { ...bodyOf(quest), slug: 'other-quest' });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: 'CONFLICT', fields: { slug: expect.any(Array) } });
    expect((await post(editorQuest('other-quest'))).status).toBe(409);

    for (const id of ['3b241101-e2bb-4255-8caf-4136c566a962', 'not-a-uuid']) {
      expect((await get(id)).status).toBe(404);
      expect((await put(id, editorQuest('ghost'))).status).toBe(404);
      expect((await act(publish, id)).status).toBe(404);
    }
    // Nothing of the refused edits was written.
    expect((await get(quest.id)).json.quest).toEqual(quest);
  });

  it('takes a long quest in one request (over the API’s usual 64 KB) but refuses more than 1 MB', async () => {
    const long = 'A long reading paragraph that keeps going. '.repeat(450); // ~19 KB per step
    const body = { ...editorQuest('long-quest'), steps: Array.from({ length: 12 }, (_, i) => ({ ...readingStep(), title: `Part ${i + 1}`, body: long })) };
    expect(JSON.stringify(body).length).toBeGreaterThan(200 * 1024);
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(res.json.quest.steps).toHaveLength(12);
    const huge = await call(create, { bearer, rawBody: JSON.stringify({ ...body, padding: 'x'.repeat(1024 * 1024) }) });
    expect(huge.status).toBe(413);
  });

  it('answers 409, not 500, when two creates race for one slug', async () => {
    const results = await Promise.all([post(editorQuest('racing-slug')), post(editorQuest('racing-slug'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.fields).toHaveProperty('slug');
  });

  it('refuses prerequisites that are itself, unknown, or would close a cycle', async () => {
    const a = await created(editorQuest('chain-a'));
    const b = await created(editorQuest('chain-b', { prerequisites: [a.id] }));
    const c = await created(editorQuest('chain-c', { prerequisites: [b.id] }));
    const cases: [string[], RegExp][] = [
      [[a.id], /own prerequisite/],
      [['3b241101-e2bb-4255-8caf-4136c566a962'], /does not exist/],
      [[c.id], /cycle/],
      [[b.id], /cycle/],
    ];
    for (const [prerequisites, message] of cases) {
      const res = await put(a.id, { ...bodyOf(a), prerequisites });
      expect(res.status).toBe(400);
      expect(res.json.error.fields.prerequisites[0]).toMatch(message);
    }
    expect((await post(editorQuest('chain-x', { prerequisites: ['3b241101-e2bb-4255-8caf-4136c566a962'] }))).status).toBe(400);
    // A longer chain without a loop is fine.
    expect((await put(c.id, { ...bodyOf(c), prerequisites: [b.id, a.id] })).status).toBe(200);
  });

  it('edits fields and steps in place, keeping step ids, and audits before and after', async () => {
    const quest = await created(editorQuest('edit-me'));
    const [reading, quiz, task] = quest.steps;
    const edited = await put(quest.id, {
      ...bodyOf(quest),
      title: 'Edited title',
      steps: [task, { ...quiz!, title: 'Renamed quiz', answer: { correct: ['c'], explanation: 'Now C is the right one.' } }, reading, quizStep('A new quiz', ['a'])],
    });
    expect(edited.status).toBe(200);
    const after: QuestEditorView = edited.json.quest;
    expect(after.title).toBe('Edited title');
    expect(after.steps.map((s) => s.id).slice(0, 3)).toEqual([task!.id, quiz!.id, reading!.id]);
    expect(after.steps[1]).toMatchObject({ title: 'Renamed quiz', answer: { correct: ['c'] } });
    expect(after.steps[3]).toMatchObject({ kind: 'quiz', id: expect.any(String), answer: { correct: ['a'] } });
    // Without learners a removed step is simply deleted.
    const trimmed = await put(quest.id, { ...bodyOf(after), steps: after.steps.slice(0, 2) });
    expect(trimmed.json.quest).toMatchObject({ archivedStepCount: 0, steps: [{ id: task!.id }, { id: quiz!.id }] });

    const entries = await auditOf(quest.id);
    expect(entries.map((e) => e.action)).toEqual(['quest.create', 'quest.update', 'quest.update']);
    expect(entries[1]!.before).toMatchObject({ title: quest.title });
    expect(entries[1]!.after).toMatchObject({ title: 'Edited title', stepChanges: { added: [expect.any(String)], archived: [], deleted: [] } });
    expect(entries[2]!.after).toMatchObject({ stepChanges: { deleted: [reading!.id, expect.any(String)] } });
  });

  it('lists with search, filters, status and paging; options feed the pickers', async () => {
    const published = await created(editorQuest('listed-live', { category: 'Listing', title: 'Listed live quest' }));
    await act(publish, published.id);
    const archived = await created(editorQuest('listed-gone', { category: 'Listing', tier: 'premium' }));
    await act(archive, archived.id);
    await created(editorQuest('listed-draft', { category: 'Listing', difficulty: 'advanced' }));
    const query = async (q: string) => {
      const res = await call(list, { bearer, path: `/api/admin/quests?${q}` });
      expect(res.status).toBe(200);
      return res.json as { quests: { slug: string; status: string }[]; pagination: Record<string, number> };
    };
    const statuses = Object.fromEntries((await query('category=Listing')).quests.map((q) => [q.slug, q.status]));
    expect(statuses).toEqual({ 'listed-live': 'published', 'listed-gone': 'archived', 'listed-draft': 'draft' });
    expect((await query('category=Listing&status=draft')).quests.map((q) => q.slug)).toEqual(['listed-draft']);
    expect((await query('category=Listing&status=archived')).quests.map((q) => q.slug)).toEqual(['listed-gone']);
    expect((await query('category=Listing&tier=premium')).quests.map((q) => q.slug)).toEqual(['listed-gone']);
    expect((await query('category=Listing&difficulty=advanced')).quests.map((q) => q.slug)).toEqual(['listed-draft']);
    expect((await query('q=listed-li')).quests.map((q) => q.slug)).toEqual(['listed-live']); // by slug
    expect((await query('q=LIVE QUEST')).quests.map((q) => q.slug)).toEqual(['listed-live']); // by title
    const [item] = (await query('q=listed-live')).quests;
    expect(item).toMatchObject({ stepCount: 3, learnerCount: 0, coverImageUrl: null, publishedAt: expect.any(String), updatedAt: expect.any(String) });
    const paged = await query('category=Listing&limit=2&page=2');
    expect(paged.quests).toHaveLength(1);
    expect(paged.pagination).toEqual({ total: 3, page: 2, limit: 2, totalPages: 2 });
    const bad = await call(list, { bearer, path: '/api/admin/quests?status=gone&limit=500' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['limit', 'status']);

    const picked = await call(options, { bearer });
    expect(picked.json.quests).toEqual(expect.arrayContaining([{ id: published.id, slug: 'listed-live', title: 'Listed live quest', status: 'published' }]));
    expect(picked.json.categories).toEqual(expect.arrayContaining(['Authoring', 'Listing']));
  });

  it('publishes only what learners can play, and each move is audited', async () => {
    const prerequisite = await created(editorQuest('gate-quest', { coverImageUrl: 'https://cdn.example/gate.png' }));
    const empty = await created(editorQuest('empty-draft', { steps: [], objectives: [], prerequisites: [prerequisite.id] }));
    const blocked = await act(publish, empty.id);
    expect(blocked.status).toBe(400);
    expect(Object.keys(blocked.json.error.fields).sort()).toEqual(['objectives', 'prerequisites', 'steps']);

    const live = await act(publish, prerequisite.id);
    expect(live.json.quest).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const inCatalog = async () => ((await call(catalog, { path: '/api/quests?category=Authoring&limit=100' })).json.quests as { slug: string }[]).map((q) => q.slug);
    expect(await inCatalog()).toContain('gate-quest');
    const learnerView = await call(overview, { params: { id: 'gate-quest' } });
    expect(learnerView.json.quest).toMatchObject({ coverImageUrl: 'https://cdn.example/gate.png' });
    // Publishing twice changes nothing and records nothing.
    expect((await act(publish, prerequisite.id)).status).toBe(200);

    // A live quest must stay playable: saving it without steps is refused.
    const emptied = await put(prerequisite.id, { ...bodyOf(live.json.quest), steps: [] });
    expect(emptied.status).toBe(400);
    expect(emptied.json.error.fields).toHaveProperty('steps');

    const dependent = await created(editorQuest('needs-gate', { prerequisites: [prerequisite.id] }));
    expect((await act(publish, dependent.id)).status).toBe(200);
    // Withdrawing a quest that a live quest requires would lock that quest for everyone.
    expect((await act(unpublish, prerequisite.id)).status).toBe(409);
    expect((await act(archive, prerequisite.id)).status).toBe(409);
    expect((await act(unpublish, dependent.id)).json.quest.status).toBe('draft');

    expect((await act(unpublish, prerequisite.id)).json.quest).toMatchObject({ status: 'draft' });
    expect(await inCatalog()).not.toContain('gate-quest');
    const archivedQuest = (await act(archive, prerequisite.id)).json.quest;
    expect(archivedQuest.status).toBe('archived');
    expect((await act(publish, prerequisite.id)).status).toBe(409); // restore first
    expect((await act(restore, prerequisite.id)).json.quest.status).toBe('draft');
    expect((await act(restore, prerequisite.id)).status).toBe(200); // a repeated restore changes nothing
    const otherLive = await created(editorQuest('restore-live'));
    expect((await act(publish, otherLive.id)).status).toBe(200);
    expect((await act(restore, otherLive.id)).status).toBe(409); // published, not archived

    const [row] = await asService('test', (tx) => tx.select().from(quests).where(eq(quests.id, prerequisite.id)));
    expect(row).toMatchObject({ isPublished: false, archivedAt: null });
    const actions = (await auditOf(prerequisite.id)).map((e) => e.action);
    expect(actions).toEqual(['quest.create', 'quest.publish', 'quest.unpublish', 'quest.archive', 'quest.restore']);
    const [archiveEntry] = await asService('test', (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.targetId, prerequisite.id), eq(auditLog.action, 'quest.archive'))),
    );
    expect(archiveEntry).toMatchObject({ before: { status: 'draft' }, after: { status: 'archived' } });
  });

  it('deletes a quest nobody played, and refuses while learners have progress or others require it', async () => {
    const played = await created(editorQuest('played-quest'));
    await act(publish, played.id);
    const learner = await createTestUser();
    expect((await call(start, { method: 'POST', bearer: await tokenFor(learner), params: { id: played.id } })).status).toBe(201);
    const refused = await call(remove, { method: 'DELETE', bearer, params: { id: played.id } });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'CONFLICT', message: 'Learners have progress in this quest — archive it instead' });

    const required = await created(editorQuest('required-quest'));
    await created(editorQuest('requiring-quest', { prerequisites: [required.id] }));
    expect((await call(remove, { method: 'DELETE', bearer, params: { id: required.id } })).status).toBe(409);

    const unused = await created(editorQuest('unused-quest'));
    await act(publish, unused.id);
    const deleted = await call(remove, { method: 'DELETE', bearer, params: { id: unused.id }, headers });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ success: true, deleted: true });
    expect((await get(unused.id)).status).toBe(404);
    const entries = await auditOf(unused.id);
    expect(entries.map((e) => e.action)).toEqual(['quest.create', 'quest.publish', 'quest.delete']);
    expect(entries[2]).toMatchObject({ before: { slug: 'unused-quest', status: 'published' }, after: null });
    expect((await call(remove, { method: 'DELETE', bearer, params: { id: unused.id } })).status).toBe(404);
  });
});
