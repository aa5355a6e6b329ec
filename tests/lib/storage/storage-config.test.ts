import { ConfigError, parseEnv, resetEnvForTests } from '@/lib/env';
import { createStorageAdapter, keyFromMediaUrl, mediaUrl, storage } from '@/lib/storage';

describe('choosing the storage adapter from configuration', () => {
  const choose = (vars: Record<string, string>) => createStorageAdapter(parseEnv({ NODE_ENV: 'development', ...vars }));

  it('uses local files under .data/uploads with no variables, or under UPLOADS_DIR', () => {
    expect(choose({}).describe()).toMatchObject({ adapter: 'local-files', embedded: true });
    expect(choose({}).describe().location).toMatch(/\.data[\\/]uploads$/);
    expect(choose({ UPLOADS_DIR: '/tmp/wf-elsewhere' }).describe().location).toBe('/tmp/wf-elsewhere');
  });

  it('uses S3 when S3_BUCKET is set, on AWS or any S3-compatible endpoint', () => {
    expect(choose({ S3_BUCKET: 'media', S3_REGION: 'eu-west-1' }).describe()).toEqual({
      adapter: 's3',
      embedded: false,
      location: 's3://media (eu-west-1)',
    });
    const supabase = choose({
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'https://abc.supabase.co/storage/v1/s3',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(supabase.describe()).toEqual({ adapter: 's3', embedded: false, location: 'abc.supabase.co/media' });
    expect(JSON.stringify(supabase.describe())).not.toContain('secret');
  });

  it('refuses half a pair of S3 credentials, naming the missing one', () => {
    expect(() => choose({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY is missing/);
    expect(() => choose({ S3_BUCKET: 'media', S3_SECRET_ACCESS_KEY: 's' })).toThrow(/S3_ACCESS_KEY_ID is missing/);
  });

  it('refuses local files in production on a serverless host unless allowed, naming S3_BUCKET', () => {
    const serverless = parseEnv({ NODE_ENV: 'production', VERCEL: '1', DATABASE_URL: 'postgres://u@db.example.com/x', AUTH_JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: 'a'.repeat(64) });
    expect(() => createStorageAdapter(serverless)).toThrow(ConfigError);
    expect(() => createStorageAdapter(serverless)).toThrow(/S3_BUCKET is missing/);
    expect(createStorageAdapter({ ...serverless, ALLOW_EMBEDDED_IN_PRODUCTION: true }).name).toBe('local-files');
    expect(createStorageAdapter({ ...serverless, S3_BUCKET: 'media' }).name).toBe('s3');
    // `next start` on a laptop keeps its files.
    expect(createStorageAdapter(parseEnv({ NODE_ENV: 'production' })).name).toBe('local-files');
  });

  it('validates the storage variables, naming the bad one', () => {
    expect(() => choose({ S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
    expect(() => choose({ S3_PUBLIC_URL: 'http://cdn.example.com' })).toThrow(/S3_PUBLIC_URL/);
    expect(() => choose({ S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(parseEnv({ NODE_ENV: 'development', S3_PUBLIC_URL: 'https://cdn.example.com/media/' }).S3_PUBLIC_URL).toBe('https://cdn.example.com/media');
    expect(parseEnv({ NODE_ENV: 'development' }).S3_REGION).toBe('us-east-1');
  });

  describe('the URL an upload is shown at', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
      resetEnvForTests();
    });
    const configure = (vars: Record<string, string>) => {
      process.env = { ...saved, ...vars };
      resetEnvForTests();
    };

    it('is our media route on local files, even if S3_PUBLIC_URL is set', () => {
      configure({ S3_PUBLIC_URL: 'https://cdn.example.com/media' });
      expect(storage().name).toBe('local-files');
      expect(mediaUrl('covers/abc.png')).toBe('/api/media/covers/abc.png');
    });

    it('is the public bucket or CDN when S3 storage has S3_PUBLIC_URL', () => {
      configure({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://abc.supabase.co/storage/v1/object/public/media/' });
      expect(storage().name).toBe('s3');
      expect(mediaUrl('covers/abc.png')).toBe('https://abc.supabase.co/storage/v1/object/public/media/covers/abc.png');
      configure({ S3_BUCKET: 'media' });
      expect(mediaUrl('covers/abc.png')).toBe('/api/media/covers/abc.png');
    });

    it('maps our own URLs back to keys, and nothing else', () => {
      configure({ S3_BUCKET: 'media', S3_PUBLIC_URL: 'https://cdn.example.com' });
      expect(keyFromMediaUrl('/api/media/avatars/u1/abc.png')).toBe('avatars/u1/abc.png');
      expect(keyFromMediaUrl('https://cdn.example.com/avatars/u1/abc.png')).toBe('avatars/u1/abc.png');
      expect(keyFromMediaUrl('https://elsewhere.example.com/avatars/u1/abc.png')).toBeNull();
      expect(keyFromMediaUrl('/api/media/avatars/../../etc/passwd')).toBeNull();
    });
  });
});
