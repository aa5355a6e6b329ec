import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InvalidKeyError, contentKey, isValidKey } from '@/lib/storage/keys';
import { localStorageAdapter } from '@/lib/storage/local-adapter';
import { SAMPLE_IMAGES } from '../../support/multipart';

describe('local file storage', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'wf-storage-'));
    root = path.join(base, 'uploads');
    outside = path.join(base, 'secret.txt');
    await writeFile(outside, 'not for you');
  });
  afterAll(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it('puts, gets and deletes an object with its content type', async () => {
    const store = localStorageAdapter(root);
    await store.put('covers/abc.png', SAMPLE_IMAGES.png, 'image/png');
    const object = await store.get('covers/abc.png');
    expect(object).toMatchObject({ contentType: 'image/png', size: SAMPLE_IMAGES.png.length });
    expect(Buffer.from(object!.body).equals(SAMPLE_IMAGES.png)).toBe(true);
    await store.delete('covers/abc.png');
    expect(await store.get('covers/abc.png')).toBeNull();
    await expect(store.delete('covers/abc.png')).resolves.toBeUndefined();
  });

  it('overwrites an object in place and leaves no temporary files behind', async () => {
    const store = localStorageAdapter(root);
    await store.put('avatars/u1/a.gif', SAMPLE_IMAGES.png, 'image/png');
    await store.put('avatars/u1/a.gif', SAMPLE_IMAGES.gif, 'image/gif');
    const object = await store.get('avatars/u1/a.gif');
    expect(object?.contentType).toBe('image/gif');
    expect(Buffer.from(object!.body).equals(SAMPLE_IMAGES.gif)).toBe(true);
    expect(await readdir(path.join(root, 'avatars', 'u1'))).toEqual(['a.gif']);
  });

  it('answers null for a missing object', async () => {
    expect(await localStorageAdapter(root).get('covers/nothing-here.png')).toBeNull();
  });

  it.each([
    '../secret.txt',
    'covers/../../secret.txt',
    '..',
    '/etc/passwd',
    path.join(os.tmpdir(), 'secret.txt'),
    'covers\\..\\..\\secret.txt',
    'covers/./a.png',
    'covers//a.png',
    '.meta/covers/abc.png.json',
    'covers/%2e%2e/secret.txt',
    'covers/a.png\0.txt',
    '',
  ])('refuses the key %j before touching the disk', async (key) => {
    const store = localStorageAdapter(root);
    expect(isValidKey(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.put(key, SAMPLE_IMAGES.png, 'image/png')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('keeps the file outside the store untouched', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(outside, 'utf8')).toBe('not for you');
  });

  it('names uploads by their content: same bytes, same key, under a per-purpose prefix', () => {
    const cover = contentKey({ kind: 'cover' }, SAMPLE_IMAGES.png, 'png');
    expect(cover).toMatch(/^covers\/[0-9a-f]{64}\.png$/);
    expect(contentKey({ kind: 'cover' }, SAMPLE_IMAGES.png, 'png')).toBe(cover);
    expect(contentKey({ kind: 'cover' }, SAMPLE_IMAGES.gif, 'gif')).not.toBe(cover);
    const userId = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(contentKey({ kind: 'avatar', userId }, SAMPLE_IMAGES.png, 'png')).toBe(`avatars/${userId}/${cover.slice('covers/'.length)}`);
    expect(() => contentKey({ kind: 'avatar', userId: '../x' }, SAMPLE_IMAGES.png, 'png')).toThrow(InvalidKeyError);
  });

  it('describes itself as the embedded default', () => {
    expect(localStorageAdapter(root).describe()).toEqual({ adapter: 'local-files', embedded: true, location: root });
  });
});
