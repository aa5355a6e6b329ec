import { GET as list, POST as create } from '@/app/api/admin/quests/route';
import { GET as options } from '@/app/api/admin/quests/options/route';
import { DELETE as remove, GET as read, PUT as update } from '@/app/api/admin/quests/[id]/route';
import { POST as publish } from '@/app/api/admin/quests/[id]/publish/route';
import { POST as unpublish } from '@/app/api/admin/quests/[id]/unpublish/route';
import { POST as archive } from '@/app/api/admin/quests/[id]/archive/route';
import { POST as restore } from '@/app/api/admin/quests/[id]/restore/route';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestQuest, createTestUser, testQuest } from '../../../../support/fixtures';
import { call } from '../../../../support/http';
import { tokenFor } from '../../../../support/sessions';
import { editorQuest } from '../../../../lib/admin/quests/editor-fixtures';

/** Every admin quest route: who may call it. RLS checks again underneath (see the lib tests). */
describe('admin quest routes: who may call them', () => {
  let database: TestDatabase;
  let questId: string;
  let learner: string;
  let analyst: string;
  let creatorOnly: string;
  let editorOnly: string;
  let superAdmin: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    questId = await createTestQuest(testQuest('guarded-quest'));
    [learner, analyst, creatorOnly, editorOnly, superAdmin] = await Promise.all([
      createTestUser().then(tokenFor),
      createTestUser({ role: 'admin', adminPermissions: ['view:analytics'] }).then(tokenFor),
      createTestUser({ role: 'admin', adminPermissions: ['create:quests'] }).then(tokenFor),
      createTestUser({ role: 'admin', adminPermissions: ['update:quests'] }).then(tokenFor),
      createTestUser({ role: 'super_admin' }).then(tokenFor),
    ]);
  });
  afterAll(async () => {
    await database.drop();
  });

  const routes = () =>
    [
      ['GET /api/admin/quests', 'update:quests', (bearer?: string) => call(list, { bearer, path: '/api/admin/quests' })],
      ['POST /api/admin/quests', 'create:quests', (bearer?: string) => call(create, { bearer, body: editorQuest(`new-${Date.now()}`) })],
      ['GET /api/admin/quests/:id', 'update:quests', (bearer?: string) => call(read, { bearer, params: { id: questId } })],
      ['PUT /api/admin/quests/:id', 'update:quests', (bearer?: string) => call(update, { method: 'PUT', bearer, params: { id: questId }, body: editorQuest('guarded-quest') })],
      ['DELETE /api/admin/quests/:id', 'delete:quests', (bearer?: string) => call(remove, { method: 'DELETE', bearer, params: { id: questId } })],
      ['POST /api/admin/quests/:id/publish', 'update:quests', (bearer?: string) => call(publish, { method: 'POST', bearer, params: { id: questId } })],
      ['POST /api/admin/quests/:id/unpublish', 'update:quests', (bearer?: string) => call(unpublish, { method: 'POST', bearer, params: { id: questId } })],
      ['POST /api/admin/quests/:id/archive', 'update:quests', (bearer?: string) => call(archive, { method: 'POST', bearer, params: { id: questId } })],
      ['POST /api/admin/quests/:id/restore', 'update:quests', (bearer?: string) => call(restore, { method: 'POST', bearer, params: { id: questId } })],
      ['GET /api/admin/quests/options', 'create:quests or update:quests', (bearer?: string) => call(options, { bearer })],
    ] as const;

  it.each(routes().map(([name]) => name))('%s: 401 signed out, 403 for a learner and for an admin limited to analytics', async (name) => {
    const [, permission, send] = routes().find(([n]) => n === name)!;
    const signedOut = await send();
    expect(signedOut.status).toBe(401);
    expect(signedOut.json.error.code).toBe('UNAUTHORIZED');
    for (const bearer of [learner, analyst]) {
      const denied = await send(bearer);
      expect(denied.status).toBe(403);
      expect(denied.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(permission.split(' ')[0]!) });
    }
  });

  it('lets each narrowed admin do exactly what their permissions say', async () => {
    // create:quests alone: create and the picker's options, not the list or edits.
    expect((await call(create, { bearer: creatorOnly, body: editorQuest('by-creator') })).status).toBe(201);
    expect((await call(options, { bearer: creatorOnly })).status).toBe(200);
    expect((await call(list, { bearer: creatorOnly, path: '/api/admin/quests' })).status).toBe(403);
    expect((await call(read, { bearer: creatorOnly, params: { id: questId } })).status).toBe(403);
    // update:quests alone: read, edit and publish, not create or delete.
    expect((await call(list, { bearer: editorOnly, path: '/api/admin/quests' })).status).toBe(200);
    expect((await call(read, { bearer: editorOnly, params: { id: questId } })).status).toBe(200);
    expect((await call(options, { bearer: editorOnly })).status).toBe(200);
    expect((await call(create, { bearer: editorOnly, body: editorQuest('by-editor') })).status).toBe(403);
    expect((await call(remove, { method: 'DELETE', bearer: editorOnly, params: { id: questId } })).status).toBe(403);
    // A super admin holds every permission.
    expect((await call(list, { bearer: superAdmin, path: '/api/admin/quests' })).status).toBe(200);
  });
});
