import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { InvalidKeyError } from '@/lib/storage/keys';
import { s3StorageAdapter } from '@/lib/storage/s3-adapter';
import type { StorageAdapter } from '@/lib/storage/types';
import { SAMPLE_IMAGES, pngOfSize } from '../../support/multipart';

/**
 * The S3 adapter against a real S3-protocol server (s3rver) with the real @aws-sdk/client-s3, set
 * up as the app sets it up for MinIO or Supabase Storage: an endpoint, path-style URLs, static keys.
 */
describe('S3 storage against an S3-protocol server', () => {
  let directory: string;
  let server: S3rver;
  let store: StorageAdapter;
  let endpoint: string;
  const settings = () => ({
    bucket: 'workfree-media',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    // s3rver's built-in test account.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'wf-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    const admin = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: settings().credentials });
    await admin.send(new CreateBucketCommand({ Bucket: 'workfree-media' }));
    admin.destroy();
    store = s3StorageAdapter(settings());
  });
  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('puts and gets an object byte for byte, with its content type', async () => {
    await store.put('covers/sample.png', SAMPLE_IMAGES.png, 'image/png');
    const object = await store.get('covers/sample.png');
    expect(object).toMatchObject({ contentType: 'image/png', size: SAMPLE_IMAGES.png.length });
    expect(Buffer.from(object!.body).equals(SAMPLE_IMAGES.png)).toBe(true);
  });

  it('stores a full 5 MB body byte for byte, with a year-long cache header', async () => {
    const big = pngOfSize(5 * 1024 * 1024);
    big.fill(7, 1024);
    await store.put('covers/big.png', big, 'image/png');
    const object = await store.get('covers/big.png');
    expect(object?.size).toBe(big.length);
    expect(Buffer.from(object!.body).equals(big)).toBe(true);
    const raw = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: settings().credentials });
    const head = await raw.send(new GetObjectCommand({ Bucket: 'workfree-media', Key: 'covers/big.png' }));
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    await head.Body?.transformToByteArray();
    raw.destroy();
  });

  it('answers null for a missing object, and deletes idempotently', async () => {
    expect(await store.get('covers/never-stored.png')).toBeNull();
    await store.put('avatars/u/a.gif', SAMPLE_IMAGES.gif, 'image/gif');
    await store.delete('avatars/u/a.gif');
    expect(await store.get('avatars/u/a.gif')).toBeNull();
    await expect(store.delete('avatars/u/a.gif')).resolves.toBeUndefined();
  });

  it('refuses traversal keys before any request', async () => {
    await expect(store.get('../workfree-media/covers/sample.png')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.put('/covers/x.png', SAMPLE_IMAGES.png, 'image/png')).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('reports an unreachable bucket as an error, not as a missing object', async () => {
    const wrongBucket = s3StorageAdapter({ ...settings(), bucket: 'no-such-bucket' });
    await expect(wrongBucket.get('covers/sample.png')).rejects.toThrow();
  });
});
