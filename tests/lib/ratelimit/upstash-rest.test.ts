import type { Redis } from 'ioredis';
import { parseEnv } from '@/lib/env';
import { rateLimitHeaders, RateLimitUnavailableError } from '@/lib/ratelimit';
import { createRateLimitBackend } from '@/lib/ratelimit/backend';
import { RATE_LIMIT_POLICIES } from '@/lib/ratelimit/policies';
import type { RateLimitBackend } from '@/lib/ratelimit/types';
import { awayFromBucketEdge, deleteKeys, describeWithRedis, localRedis, uniquePrefix } from './redis-harness';
import { startUpstashDouble, type UpstashDouble } from './upstash-rest-double';
import { captureLogs } from '../observability/log-capture';

const SLIDING_WINDOW_SHA = '74740bb3d7792848093cdef586b6b6037c455fd6';

describeWithRedis('Upstash REST backend (@upstash/redis against a local double of the REST API)', () => {
  let redis: Redis;
  let double: UpstashDouble;
  let backend: RateLimitBackend;
  let prefix: string;

  beforeAll(async () => {
    redis = localRedis();
    double = await startUpstashDouble(redis);
  });
  beforeEach(async () => {
    prefix = uniquePrefix();
    const config = parseEnv({
      NODE_ENV: 'test',
      UPSTASH_REDIS_REST_URL: double.url,
      UPSTASH_REDIS_REST_TOKEN: double.token,
    });
    backend = createRateLimitBackend(config, { prefix, timeoutMs: 5000 });
    double.requests.length = 0;
    await awayFromBucketEdge(RATE_LIMIT_POLICIES.login.windowMs);
  });
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(async () => {
    await double.close();
    await redis.quit();
  });

  it('is the backend chosen for UPSTASH_REDIS_REST_URL and TOKEN', () => {
    expect(backend.kind).toBe('upstash');
  });

  it('refuses the 6th login attempt with a Retry-After', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await backend.limit('login', 'ada@example.com|203.0.113.7'));
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    expect(Number(rateLimitHeaders(results[5]!)['Retry-After'])).toBeGreaterThan(0);
  });

  it('sends evalsha, falls back to eval once on NOSCRIPT, then stays on evalsha', async () => {
    const fresh = await startUpstashDouble(redis); // one that has never seen the script
    try {
      const config = parseEnv({ NODE_ENV: 'test', UPSTASH_REDIS_REST_URL: fresh.url, UPSTASH_REDIS_REST_TOKEN: fresh.token });
      const client = createRateLimitBackend(config, { prefix, timeoutMs: 5000 });
      await client.limit('public', '203.0.113.1');
      expect((await client.limit('public', '203.0.113.1')).remaining).toBe(18);
      const sent = fresh.requests.flatMap((r) => r.commands.map((c) => `${r.path} ${String(c[0])} ${String(c[1]).slice(0, 40)}`));
      // @upstash/redis auto-pipelines: even single commands travel through /pipeline.
      expect(sent).toEqual([
        `/pipeline evalsha ${SLIDING_WINDOW_SHA}`,
        '/pipeline eval #!lua flags=allow-key-locking\n  local cu',
        `/pipeline evalsha ${SLIDING_WINDOW_SHA}`,
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('allows exactly 5 of 20 concurrent login attempts', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => backend.limit('login', 'race@example.com|198.51.100.9')));
    expect(results.filter((r) => r.success)).toHaveLength(5);
    expect(results.filter((r) => !r.success).every((r) => r.retryAfterSeconds > 0)).toBe(true);
  });

  it('clears the count on reset, and keeps keys independent', async () => {
    for (let i = 0; i < 5; i++) await backend.limit('login', 'a');
    expect((await backend.limit('login', 'a')).success).toBe(false);
    await backend.reset('login', 'a');
    expect(await backend.limit('login', 'a')).toMatchObject({ success: true, remaining: 4 });
    expect(await backend.limit('login', 'b')).toMatchObject({ success: true, remaining: 4 });
  });

  it('fails closed for sign-in and uses per-instance limits for other writes when the REST API refuses the token', async () => {
    const logs = captureLogs();
    try {
      const config = parseEnv({ NODE_ENV: 'test', UPSTASH_REDIS_REST_URL: double.url, UPSTASH_REDIS_REST_TOKEN: 'wrong' });
      const misconfigured = createRateLimitBackend(config, { prefix, timeoutMs: 5000 });
      await expect(misconfigured.limit('login', 'k')).rejects.toBeInstanceOf(RateLimitUnavailableError);
      const results = [];
      for (let i = 0; i < 21; i++) results.push((await misconfigured.limit('public', 'k')).success);
      expect(results).toEqual([...Array(20).fill(true), false]);
      const warning = logs.lines().find((line) => line.level === 'warn');
      expect(JSON.stringify(warning)).toMatch(/Unauthorized/);
    } finally {
      logs.stop();
    }
  });
});
