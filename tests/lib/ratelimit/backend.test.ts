import { ConfigError, parseEnv } from '@/lib/env';
import { createRateLimitBackend } from '@/lib/ratelimit/backend';
import { RateLimitUnavailableError, type RateLimitBackend } from '@/lib/ratelimit';
import { captureLogs } from '../observability/log-capture';

const UPSTASH = { UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io', UPSTASH_REDIS_REST_TOKEN: 'token' };

describe('rate-limit backend choice', () => {
  const opened: RateLimitBackend[] = [];
  const choose = (vars: Record<string, string>) => {
    const backend = createRateLimitBackend(parseEnv({ NODE_ENV: 'development', ...vars }));
    opened.push(backend);
    return backend.kind;
  };
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
    // ioredis arms a 2 s timer when disconnecting a client that never connected (the unreachable
    // case below); let it fire so the worker exits cleanly instead of being killed.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });

  it('runs in-process with no configuration', () => {
    expect(choose({})).toBe('memory');
  });

  it('uses a Redis server when REDIS_URL is set', () => {
    expect(choose({ REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('redis');
  });

  it('prefers Upstash REST when its URL and token are set, even with REDIS_URL', () => {
    expect(choose(UPSTASH)).toBe('upstash');
    expect(choose({ ...UPSTASH, REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('upstash');
  });

  it('names the missing half of the Upstash pair instead of quietly using another backend', () => {
    expect(() => choose({ UPSTASH_REDIS_REST_URL: UPSTASH.UPSTASH_REDIS_REST_URL })).toThrow(/UPSTASH_REDIS_REST_TOKEN is missing/);
    expect(() => choose({ UPSTASH_REDIS_REST_TOKEN: 'token', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /UPSTASH_REDIS_REST_URL is missing/,
    );
  });

  it('refuses in-process limits in production on a serverless host, naming the variables', () => {
    const serverless = {
      NODE_ENV: 'production',
      VERCEL: '1',
      DATABASE_URL: 'postgresql://u:p@db.example.com:6543/postgres',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      DATA_ENCRYPTION_KEY: 'a'.repeat(64),
    };
    expect(() => choose(serverless)).toThrow(ConfigError);
    expect(() => choose(serverless)).toThrow(/UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN \(or REDIS_URL\) are missing/);
    expect(choose({ ...serverless, ALLOW_EMBEDDED_IN_PRODUCTION: 'true' })).toBe('memory');
    expect(choose({ ...serverless, REDIS_URL: 'rediss://cache.example.com:6380' })).toBe('redis');
    expect(choose({ NODE_ENV: 'production' })).toBe('memory'); // `next start` on one machine
  });

  describe('while Redis is unreachable', () => {
    const unreachable = () => {
      const backend = createRateLimitBackend(parseEnv({ NODE_ENV: 'development', REDIS_URL: 'redis://127.0.0.1:1' }));
      opened.push(backend);
      return backend;
    };

    it('fails closed for sign-in: the login policy throws RateLimitUnavailableError, fast', async () => {
      const logs = captureLogs();
      try {
        const backend = unreachable();
        await expect(backend.limit('login', 'k')).rejects.toBeInstanceOf(RateLimitUnavailableError);
        const started = Date.now();
        // Later calls skip Redis while it is known to be down: no waiting out a timeout each time.
        for (let i = 0; i < 5; i++) await expect(backend.limit('login', 'k')).rejects.toBeInstanceOf(RateLimitUnavailableError);
        expect(Date.now() - started).toBeLessThan(200);
        expect(logs.lines().filter((line) => line.level === 'warn' && /rate-limit backend unavailable/.test(String(line.msg)))).toHaveLength(1);
      } finally {
        logs.stop();
      }
    });

    it('falls back to in-process limits for other writes (the api and public policies)', async () => {
      const backend = unreachable();
      const results = [];
      for (let i = 0; i < 21; i++) results.push(await backend.limit('public', 'ip:k'));
      expect(results.slice(0, 20).every((r) => r.success && r.degraded === 'fallback')).toBe(true);
      expect(results[20]).toMatchObject({ success: false, degraded: 'fallback' });
      expect(results[20]?.retryAfterSeconds).toBeGreaterThan(0);
      await expect(backend.reset('public', 'ip:k')).resolves.toBeUndefined();
      expect((await backend.limit('public', 'ip:k')).success).toBe(true);
    });

    it('lets a caller choose open (no limit at all, for reads) or closed for a call', async () => {
      const backend = unreachable();
      for (let i = 0; i < 30; i++) expect(await backend.limit('public', 'ip:reader', 'open')).toMatchObject({ success: true, degraded: 'open' });
      await expect(backend.limit('api', 'user:x', 'closed')).rejects.toBeInstanceOf(RateLimitUnavailableError);
    });
  });
});
