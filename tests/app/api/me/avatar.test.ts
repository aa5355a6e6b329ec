import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { DELETE as removeAvatar, POST as uploadAvatar } from '@/app/api/me/avatar/route';
import { asService } from '@/lib/db';
import { auditLog, profiles } from '@/lib/db/schema';
import { storage, useStorageAdapter } from '@/lib/storage';
import { sha256Hex } from '@/lib/storage/keys';
import { localStorageAdapter } from '@/lib/storage/local-adapter';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser, type TestUser } from '../../../support/fixtures';
import { call } from '../../../support/http';
import { NOT_IMAGES, SAMPLE_IMAGES, pngOfSize, upload } from '../../../support/multipart';
import { tokenFor } from '../../../support/sessions';

describe('/api/me/avatar', () => {
  let database: TestDatabase;
  let directory: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    directory = await mkdtemp(path.join(os.tmpdir(), 'wf-avatar-'));
    useStorageAdapter(localStorageAdapter(directory));
  });
  afterAll(async () => {
    useStorageAdapter(undefined);
    await rm(directory, { recursive: true, force: true });
    await database.drop();
  });

  const avatarOf = async (user: TestUser) => {
    const [row] = await asService('test', (tx) => tx.select({ avatarUrl: profiles.avatarUrl }).from(profiles).where(eq(profiles.id, user.id)));
    return row?.avatarUrl ?? null;
  };
  const setAvatarDirectly = (user: TestUser, avatarUrl: string | null) =>
    asService('test', (tx) => tx.update(profiles).set({ avatarUrl }).where(eq(profiles.id, user.id)));
  const keyOf = (user: TestUser, bytes: Uint8Array, extension: string) => `avatars/${user.id}/${sha256Hex(bytes)}.${extension}`;

  it("stores the image under the caller's prefix and sets only the caller's avatar", async () => {
    const learner = await createTestUser();
    const bystander = await createTestUser();
    await setAvatarDirectly(bystander, 'https://images.example.com/bystander.png');
    const { status, json } = await upload(uploadAvatar, { bearer: await tokenFor(learner), file: { bytes: SAMPLE_IMAGES.jpeg, name: 'me.jpg', type: 'image/jpeg' } });
    expect(status).toBe(200);
    const key = keyOf(learner, SAMPLE_IMAGES.jpeg, 'jpg');
    expect(json).toEqual({ success: true, avatarUrl: `/api/media/${key}` });
    expect(await avatarOf(learner)).toBe(`/api/media/${key}`);
    expect(await avatarOf(bystander)).toBe('https://images.example.com/bystander.png');
    expect((await storage().get(key))?.contentType).toBe('image/jpeg');
    // A learner's own change is not an admin action.
    expect(await asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.actorId, learner.id)))).toEqual([]);
  });

  it('replaces the avatar and removes the image it replaced', async () => {
    const learner = await createTestUser();
    const bearer = await tokenFor(learner);
    await upload(uploadAvatar, { bearer, file: { bytes: SAMPLE_IMAGES.png } });
    const first = keyOf(learner, SAMPLE_IMAGES.png, 'png');
    expect(await storage().get(first)).not.toBeNull();
    const { json } = await upload(uploadAvatar, { bearer, file: { bytes: SAMPLE_IMAGES.gif } });
    expect(json.avatarUrl).toBe(`/api/media/${keyOf(learner, SAMPLE_IMAGES.gif, 'gif')}`);
    expect(await storage().get(first)).toBeNull();
    // Uploading the current image again keeps it.
    await upload(uploadAvatar, { bearer, file: { bytes: SAMPLE_IMAGES.gif } });
    expect(await storage().get(keyOf(learner, SAMPLE_IMAGES.gif, 'gif'))).not.toBeNull();
  });

  it("never deletes an image that is not the caller's own upload", async () => {
    const owner = await createTestUser();
    await upload(uploadAvatar, { bearer: await tokenFor(owner), file: { bytes: SAMPLE_IMAGES.webp } });
    const ownersKey = keyOf(owner, SAMPLE_IMAGES.webp, 'webp');
    const copycat = await createTestUser();
    await setAvatarDirectly(copycat, `/api/media/${ownersKey}`);
    await upload(uploadAvatar, { bearer: await tokenFor(copycat), file: { bytes: SAMPLE_IMAGES.png } });
    const removed = await call(removeAvatar, { method: 'DELETE', bearer: await tokenFor(copycat) });
    expect(removed.status).toBe(200);
    expect(await storage().get(ownersKey)).not.toBeNull();
    expect(await avatarOf(owner)).toBe(`/api/media/${ownersKey}`);
  });

  it('DELETE clears the avatar and removes its image', async () => {
    const learner = await createTestUser();
    const bearer = await tokenFor(learner);
    await upload(uploadAvatar, { bearer, file: { bytes: SAMPLE_IMAGES.png } });
    const { status, json } = await call(removeAvatar, { method: 'DELETE', bearer });
    expect(status).toBe(200);
    expect(json).toEqual({ success: true, avatarUrl: null });
    expect(await avatarOf(learner)).toBeNull();
    expect(await storage().get(keyOf(learner, SAMPLE_IMAGES.png, 'png'))).toBeNull();
    // Clearing an empty avatar is fine too.
    expect((await call(removeAvatar, { method: 'DELETE', bearer })).status).toBe(200);
  });

  it('refuses a wrong type, a spoofed extension, an oversized file and a missing file, leaving the avatar alone', async () => {
    const learner = await createTestUser();
    await setAvatarDirectly(learner, '/api/media/avatars/keep/me.png');
    const bearer = await tokenFor(learner);
    const cases = [
      [{ file: { bytes: NOT_IMAGES.svg, name: 'me.svg', type: 'image/svg+xml' } }, 415],
      [{ file: { bytes: NOT_IMAGES.pdf, name: 'me.png', type: 'image/png' } }, 415],
      [{ file: { bytes: pngOfSize(5 * 1024 * 1024 + 1) } }, 413],
      [{}, 400],
      [{ rawBody: 'x', headers: { 'content-type': 'text/plain' } }, 415],
    ] as const;
    for (const [options, expected] of cases) {
      const { status, json } = await upload(uploadAvatar, { bearer, ...options });
      expect(status).toBe(expected);
      expect(Object.keys(json.error.fields)).toEqual(['file']);
    }
    expect(await avatarOf(learner)).toBe('/api/media/avatars/keep/me.png');
  });

  it('answers 401 when signed out', async () => {
    expect((await upload(uploadAvatar, { file: { bytes: SAMPLE_IMAGES.png } })).status).toBe(401);
    expect((await call(removeAvatar, { method: 'DELETE' })).status).toBe(401);
  });
});
