import 'server-only';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertValidKey } from './keys';
import type { StorageAdapter, StoredObject } from './types';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** Any S3-compatible endpoint (Supabase Storage, R2, MinIO); unset: AWS S3 itself. */
  endpoint?: string;
  /** Path-style URLs (endpoint/bucket/key) — what MinIO, Supabase Storage and s3rver expect. */
  forcePathStyle: boolean;
  /** Static keys; unset: the SDK's default credential chain (an IAM role on AWS). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Cache-Control stored with each object, for when a public bucket or CDN serves it directly. */
const OBJECT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A missing key — not a missing bucket (NoSuchBucket is also a 404, and a configuration error). */
function isMissingKey(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/** Objects in an S3-compatible bucket through @aws-sdk/client-s3. */
export function s3StorageAdapter(settings: S3StorageSettings, client?: S3Client): StorageAdapter {
  const s3 =
    client ??
    new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Newer SDKs checksum every request by default: streamed bodies go out with aws-chunked
      // framing that s3rver (and older S3-compatible stores) keep as part of the object, and the
      // extra checksum headers are not understood everywhere. Checksum only where an operation
      // requires it, so every S3-compatible store receives plain bodies (ARCHITECTURE §8).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  const Bucket = settings.bucket;

  return {
    name: 's3',

    async put(key, body, contentType) {
      await s3.send(
        new PutObjectCommand({
          Bucket,
          Key: assertValidKey(key),
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
          CacheControl: OBJECT_CACHE_CONTROL,
        }),
      );
    },

    async get(key): Promise<StoredObject | null> {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket, Key: assertValidKey(key) }));
        // Copied into a plain ArrayBuffer-backed array, which a Response body accepts.
        const body = object.Body ? new Uint8Array(await object.Body.transformToByteArray()) : new Uint8Array(0);
        return { body, contentType: object.ContentType ?? 'application/octet-stream', size: body.byteLength };
      } catch (error) {
        if (isMissingKey(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      // S3 answers 204 for a missing key too: deleting is idempotent.
      await s3.send(new DeleteObjectCommand({ Bucket, Key: assertValidKey(key) }));
    },

    describe: () => ({
      adapter: 's3',
      embedded: false,
      location: settings.endpoint ? `${new URL(settings.endpoint).host}/${Bucket}` : `s3://${Bucket} (${settings.region})`,
    }),
  };
}
