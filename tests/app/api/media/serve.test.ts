import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { POST as uploadCover } from '@/app/api/admin/uploads/cover/route';
import { GET as serveMedia } from '@/app/api/media/[...key]/route';
import { storage, useStorageAdapter } from '@/lib/storage';
import { sha256Hex } from '@/lib/storage/keys';
import { localStorageAdapter } from '@/lib/storage/local-adapter';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { createTestUser } from '../../../support/fixtures';
import { SAMPLE_IMAGES, upload } from '../../../support/multipart';
import { tokenFor } from '../../../support/sessions';

/** GET /api/media/<key> the way Next.js calls it: the catch-all segments, already decoded. */
async function fetchMedia(segments: string[], headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://localhost/api/media/${segments.map(encodeURIComponent).join('/')}`, { headers });
  const response = await serveMedia(request, { params: Promise.resolve({ key: segments }) });
  return { response, status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('GET /api/media/[...key]', () => {
  let database: TestDatabase;
  let base: string;
  let directory: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    base = await mkdtemp(path.join(os.tmpdir(), 'wf-media-'));
    directory = path.join(base, 'uploads');
    useStorageAdapter(localStorageAdapter(directory));
    await writeFile(path.join(base, 'secret.txt'), 'outside the store');
  });
  afterAll(async () => {
    useStorageAdapter(undefined);
    await rm(base, { recursive: true, force: true });
    await database.drop();
  });

  it('serves an uploaded cover at the URL the upload answered, with safe, cacheable headers', async () => {
    const editor = await tokenFor(await createTestUser({ role: 'admin' }));
    const { json } = await upload(uploadCover, { bearer: editor, file: { bytes: SAMPLE_IMAGES.png } });
    const url: string = json.upload.url;
    expect(url.startsWith('/api/media/covers/')).toBe(true);
    const { status, response, bytes } = await fetchMedia(url.slice('/api/media/'.length).split('/'));
    expect(status).toBe(200);
    expect(bytes.equals(SAMPLE_IMAGES.png)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(SAMPLE_IMAGES.png.length),
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'; sandbox",
      etag: `"${sha256Hex(SAMPLE_IMAGES.png)}"`,
    });
  });

  it('answers 304 when the browser already has it (If-None-Match), 200 for another tag', async () => {
    await storage().put('covers/cached.gif', SAMPLE_IMAGES.gif, 'image/gif');
    const etag = `"${sha256Hex(SAMPLE_IMAGES.gif)}"`;
    const cached = await fetchMedia(['covers', 'cached.gif'], { 'if-none-match': `"other", W/${etag}` });
    expect(cached.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
    expect(cached.response.headers.get('etag')).toBe(etag);
    expect(cached.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetchMedia(['covers', 'cached.gif'], { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('never serves a stored non-image type as itself', async () => {
    await storage().put('covers/page.html', Buffer.from('<script>alert(1)</script>'), 'text/html');
    const { status, response } = await fetchMedia(['covers', 'page.html']);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('answers 404 for an unknown key', async () => {
    const { status, bytes } = await fetchMedia(['covers', `${'0'.repeat(64)}.png`]);
    expect(status).toBe(404);
    expect(JSON.parse(bytes.toString()).error.code).toBe('NOT_FOUND');
  });

  it('serves only image folders, never other objects of the same bucket (database backups)', async () => {
    await storage().put('backups/workfree-test.dump', Buffer.from('PGDMP secret rows'), 'application/octet-stream');
    const { status } = await fetchMedia(['backups', 'workfree-test.dump']);
    expect(status).toBe(404);
  });

  it.each([
    [['..', 'secret.txt']],
    [['covers', '..', '..', 'secret.txt']],
    [['..%2F..%2Fsecret.txt']],
    [['covers/../../secret.txt']],
    [['.meta', 'covers', 'cached.gif.json']],
    [['%2e%2e', 'secret.txt']],
    [[path.join(os.tmpdir(), 'secret.txt')]],
    [['', 'etc', 'passwd']],
    [[]],
  ])('refuses the traversal key %j with 404', async (segments) => {
    const { status, bytes } = await fetchMedia(segments);
    expect(status).toBe(404);
    expect(bytes.toString()).not.toContain('outside the store');
  });
});
