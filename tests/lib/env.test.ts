import { ConfigError, parseEnv } from '@/lib/env';

const DATA_KEY = Buffer.alloc(32, 1).toString('base64');

describe('configuration', () => {
  it('runs on embedded defaults with no variables at all', () => {
    const env = parseEnv({ NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe('.data/pglite');
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names a malformed variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ NODE_ENV: 'development', DATABASE_POOL_MAX: 'many' })).toThrow(/DATABASE_POOL_MAX/);
  });

  it('refuses PGlite in production on a serverless host, naming DATABASE_URL', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', VERCEL: '1' })).toThrow(ConfigError);
    expect(() => parseEnv({ NODE_ENV: 'production', VERCEL: '1' })).toThrow(/DATABASE_URL is missing/);
  });

  it('allows embedded production when told to, or when a database is configured', () => {
    const secret = { AUTH_JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: DATA_KEY };
    expect(() => parseEnv({ NODE_ENV: 'production', VERCEL: '1', ALLOW_EMBEDDED_IN_PRODUCTION: 'true', ...secret })).not.toThrow();
    expect(() =>
      parseEnv({ NODE_ENV: 'production', VERCEL: '1', DATABASE_URL: 'postgresql://u:p@db.example.com:6543/postgres', ...secret }),
    ).not.toThrow();
  });

  it('refuses built-in auth on a serverless host without a shared signing secret, naming AUTH_JWT_SECRET', () => {
    const base = {
      NODE_ENV: 'production',
      VERCEL: '1',
      DATABASE_URL: 'postgresql://u:p@db.example.com:6543/postgres',
      DATA_ENCRYPTION_KEY: DATA_KEY,
    } as const;
    expect(() => parseEnv(base)).toThrow(/AUTH_JWT_SECRET is missing/);
    expect(() => parseEnv({ ...base, AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() =>
      parseEnv({ ...base, NEXT_PUBLIC_SUPABASE_URL: 'https://abc.supabase.co', NEXT_PUBLIC_SUPABASE_ANON_KEY: 'anon' }),
    ).not.toThrow();
  });

  it('refuses production with its own database but no data encryption key, naming DATA_ENCRYPTION_KEY', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/app', AUTH_JWT_SECRET: 'x'.repeat(32) } as const;
    expect(() => parseEnv(base)).toThrow(/DATA_ENCRYPTION_KEY is missing/);
    expect(() => parseEnv({ ...base, DATA_ENCRYPTION_KEY: DATA_KEY })).not.toThrow();
    // Development and tests with a database keep working without one (a local key or a per-process one).
    expect(() => parseEnv({ ...base, NODE_ENV: 'development' })).not.toThrow();
  });

  it('checks the data key format at boot: 64 hex characters or base64 of 32 bytes', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_ENCRYPTION_KEY: 'a'.repeat(64) })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_ENCRYPTION_KEY: 'too-short' })).toThrow(/DATA_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_ENCRYPTION_KEY: Buffer.alloc(16, 7).toString('base64') })).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_ENCRYPTION_KEY: 'g'.repeat(64) })).toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('allows `next start` on a laptop (not serverless) with the embedded database', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).not.toThrow();
  });

  it('trusts X-Forwarded-For on Vercel unless told not to, and nowhere else by default', () => {
    const vercel = { NODE_ENV: 'development', VERCEL: '1' } as const;
    expect(parseEnv(vercel).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...vercel, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ NODE_ENV: 'development' }).TRUST_PROXY).toBe(false);
  });
});
