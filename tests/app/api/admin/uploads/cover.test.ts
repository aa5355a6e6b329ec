import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { POST as uploadCover } from '@/app/api/admin/uploads/cover/route';
import { asService } from '@/lib/db';
import { auditLog } from '@/lib/db/schema';
import { storage, useStorageAdapter } from '@/lib/storage';
import { sha256Hex } from '@/lib/storage/keys';
import { localStorageAdapter } from '@/lib/storage/local-adapter';
import { createTestDatabase, type TestDatabase } from '../../../../support/database';
import { createTestUser } from '../../../../support/fixtures';
import { NOT_IMAGES, SAMPLE_IMAGES, pngOfSize, upload } from '../../../../support/multipart';
import { tokenFor } from '../../../../support/sessions';

const FIVE_MB = 5 * 1024 * 1024;

describe('POST /api/admin/uploads/cover', () => {
  let database: TestDatabase;
  let directory: string;
  let editor: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    directory = await mkdtemp(path.join(os.tmpdir(), 'wf-cover-'));
    useStorageAdapter(localStorageAdapter(directory));
    editor = await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['update:quests'] }));
  });
  afterAll(async () => {
    useStorageAdapter(undefined);
    await rm(directory, { recursive: true, force: true });
    await database.drop();
  });

  const uploadEntries = () => asService('test', (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'media.upload')));
  const storedFiles = async () => (await readdir(path.join(directory, 'covers')).catch(() => [])).filter((f) => !f.endsWith('.tmp'));

  it('stores the image under its content hash and answers 201 with its URL, writing an audit entry', async () => {
    const admin = await createTestUser({ role: 'admin', adminPermissions: ['create:quests'] });
    const { status, json } = await upload(uploadCover, {
      bearer: await tokenFor(admin),
      file: { bytes: SAMPLE_IMAGES.webp, name: 'cover.webp', type: 'image/webp' },
      headers: { 'x-request-id': 'req-cover-upload-1' },
    });
    expect(status).toBe(201);
    const key = `covers/${sha256Hex(SAMPLE_IMAGES.webp)}.webp`;
    expect(json).toEqual({
      success: true,
      upload: { key, url: `/api/media/${key}`, contentType: 'image/webp', size: SAMPLE_IMAGES.webp.length },
    });
    const stored = await storage().get(key);
    expect(stored?.contentType).toBe('image/webp');
    expect(Buffer.from(stored!.body).equals(SAMPLE_IMAGES.webp)).toBe(true);

    const entries = (await uploadEntries()).filter((e) => e.actorId === admin.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorEmail: admin.email,
      targetType: 'media',
      targetId: key,
      requestId: 'req-cover-upload-1',
      after: { url: `/api/media/${key}`, contentType: 'image/webp', size: SAMPLE_IMAGES.webp.length },
    });
  });

  it.each(['png', 'jpeg', 'gif', 'avif'] as const)('accepts %s, typed by its bytes', async (kind) => {
    const { status, json } = await upload(uploadCover, { bearer: editor, file: { bytes: SAMPLE_IMAGES[kind], name: 'x.bin', type: 'application/octet-stream' } });
    expect(status).toBe(201);
    expect(json.upload.contentType).toBe(`image/${kind}`);
  });

  it('names the file by its bytes, not by the name or the declared type', async () => {
    const { json } = await upload(uploadCover, { bearer: editor, file: { bytes: SAMPLE_IMAGES.gif, name: 'photo.png', type: 'image/png' } });
    expect(json.upload).toMatchObject({ contentType: 'image/gif', key: expect.stringMatching(/\.gif$/) });
  });

  it.each([
    ['a PDF renamed .png', NOT_IMAGES.pdf, 'cover.png', 'image/png'],
    ['an SVG (it can carry script)', NOT_IMAGES.svg, 'cover.svg', 'image/svg+xml'],
    ['HTML claiming to be a JPEG', NOT_IMAGES.html, 'cover.jpg', 'image/jpeg'],
    ['text declared as image/png', NOT_IMAGES.text, 'cover.png', 'image/png'],
  ])('refuses %s with 415 naming file', async (_what, bytes, name, type) => {
    const before = (await uploadEntries()).length;
    const { status, json } = await upload(uploadCover, { bearer: editor, file: { bytes, name, type } });
    expect(status).toBe(415);
    expect(json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(Object.keys(json.error.fields)).toEqual(['file']);
    expect((await uploadEntries()).length).toBe(before);
  });

  it('accepts exactly 5 MB and refuses one byte more with 413 naming file, storing nothing', async () => {
    const before = await storedFiles();
    const over = await upload(uploadCover, { bearer: editor, file: { bytes: pngOfSize(FIVE_MB + 1) } });
    expect(over.status).toBe(413);
    expect(over.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: { file: [expect.stringMatching(/5 MB/)] } });
    expect(await storedFiles()).toEqual(before);
    const exact = await upload(uploadCover, { bearer: editor, file: { bytes: pngOfSize(FIVE_MB) } });
    expect(exact.status).toBe(201);
    expect(exact.json.upload.size).toBe(FIVE_MB);
  });

  it('refuses early by Content-Length, and stops reading a body with none once it passes the cap', async () => {
    const declared = await upload(uploadCover, { bearer: editor, file: { bytes: SAMPLE_IMAGES.png }, headers: { 'content-length': String(50 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(Object.keys(declared.json.error.fields)).toEqual(['file']);
    const streamed = await upload(uploadCover, { bearer: editor, file: { bytes: pngOfSize(8 * 1024 * 1024) } });
    expect(streamed.status).toBe(413);
    expect(Object.keys(streamed.json.error.fields)).toEqual(['file']);
  });

  it.each([
    ['no file at all', {}],
    ['the file in another field', { field: 'image', file: { bytes: SAMPLE_IMAGES.png } }],
    ['an empty file', { file: { bytes: new Uint8Array(), name: '' } }],
  ])('answers 400 naming file for %s', async (_what, options) => {
    const { status, json } = await upload(uploadCover, { bearer: editor, ...options });
    expect(status).toBe(400);
    expect(json.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(json.error.fields)).toEqual(['file']);
  });

  it('refuses a body that is not multipart/form-data with 415 naming file', async () => {
    const json = await upload(uploadCover, { bearer: editor, rawBody: '{"file":"x"}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    expect(Object.keys(json.json.error.fields)).toEqual(['file']);
    const raw = await upload(uploadCover, { bearer: editor, rawBody: SAMPLE_IMAGES.png.toString('binary'), headers: { 'content-type': 'image/png' } });
    expect(raw.status).toBe(415);
    const broken = await upload(uploadCover, { bearer: editor, rawBody: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.json.error.fields)).toEqual(['file']);
  });

  it('answers 401 signed out, 403 to a learner and to an admin without quest permissions', async () => {
    const file = { bytes: SAMPLE_IMAGES.png };
    expect((await upload(uploadCover, { file })).status).toBe(401);
    const learner = await upload(uploadCover, { bearer: await tokenFor(await createTestUser()), file });
    expect(learner.status).toBe(403);
    expect(learner.json.error.code).toBe('FORBIDDEN');
    const analyst = await upload(uploadCover, {
      bearer: await tokenFor(await createTestUser({ role: 'admin', adminPermissions: ['view:analytics', 'manage:users', 'delete:quests'] })),
      file,
    });
    expect(analyst.status).toBe(403);
    expect((await upload(uploadCover, { bearer: await tokenFor(await createTestUser({ role: 'super_admin' })), file })).status).toBe(201);
  });
});
