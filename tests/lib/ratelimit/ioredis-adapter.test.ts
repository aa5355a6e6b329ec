import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from 'ioredis';
import { rateLimitHeaders } from '@/lib/ratelimit';
import { IoredisUpstashAdapter, sha1, stripShebang } from '@/lib/ratelimit/ioredis-adapter';
import { RATE_LIMIT_POLICIES } from '@/lib/ratelimit/policies';
import { redisBackend } from '@/lib/ratelimit/redis-backend';
import type { RateLimitBackend } from '@/lib/ratelimit/types';
import { awayFromBucketEdge, deleteKeys, describeWithRedis, localRedis, uniquePrefix } from './redis-harness';

const SHEBANG_SCRIPT = '#!lua flags=allow-key-locking\nreturn {KEYS[1], ARGV[1], tonumber(ARGV[2])}';

describeWithRedis('@upstash/ratelimit over the ioredis adapter (real Redis)', () => {
  let admin: Redis;
  let client: Redis;
  let adapter: IoredisUpstashAdapter;
  let backend: RateLimitBackend;
  let prefix: string;

  beforeAll(() => {
    admin = localRedis();
  });
  beforeEach(async () => {
    prefix = uniquePrefix();
    client = localRedis();
    adapter = new IoredisUpstashAdapter(client);
    backend = redisBackend('redis', adapter, { prefix, timeoutMs: 5000 });
    await awayFromBucketEdge(RATE_LIMIT_POLICIES.login.windowMs);
  });
  afterEach(async () => {
    await deleteKeys(admin, prefix);
    await client.quit();
  });
  afterAll(() => admin.quit());

  it('refuses the 6th login attempt, with a Retry-After inside the window', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await backend.limit('login', 'ada@example.com|203.0.113.7'));
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    const sixth = results[5]!;
    expect(sixth.limit).toBe(5);
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(rateLimitHeaders(sixth)['Retry-After']).toBe(String(sixth.retryAfterSeconds));
    // Keys are hashed: no email or IP lands in Redis.
    const keys = await admin.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    // '@' and '.' never occur in the random prefix or a base64url hash, so this cannot match by chance.
    expect(keys.join()).not.toMatch(/ada@|203\.0\.113/);
  });

  it('allows exactly 5 of 20 concurrent login attempts', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => backend.limit('login', 'race@example.com|198.51.100.9')));
    expect(results.filter((r) => r.success)).toHaveLength(5);
  });

  it('clears the count on reset, and keeps keys independent', async () => {
    for (let i = 0; i < 5; i++) await backend.limit('login', 'a');
    expect((await backend.limit('login', 'a')).success).toBe(false);
    expect(await backend.limit('login', 'b')).toMatchObject({ success: true, remaining: 4 });

    await backend.reset('login', 'a');
    expect(await backend.limit('login', 'a')).toMatchObject({ success: true, remaining: 4 });
    expect(await backend.limit('login', 'b')).toMatchObject({ success: true, remaining: 3 });
  });

  it('strips the shebang Redis 7.0 rejects, keeping line numbers', async () => {
    expect(stripShebang(SHEBANG_SCRIPT)).toBe('\nreturn {KEYS[1], ARGV[1], tonumber(ARGV[2])}');
    expect(stripShebang('return 1')).toBe('return 1');
    const evalSpy = jest.spyOn(client, 'eval');
    const loadSpy = jest.spyOn(client, 'script');
    // Arguments go in as @upstash/redis sends them; results come back as it returns them.
    await expect(adapter.eval(SHEBANG_SCRIPT, ['k1'], ['v1', 7])).resolves.toEqual(['k1', 'v1', 7]);
    const sent = [...evalSpy.mock.calls, ...loadSpy.mock.calls].flat().filter((a) => typeof a === 'string');
    expect(sent.some((a) => a.startsWith('#!'))).toBe(false);
    expect(await admin.script('EXISTS', sha1(stripShebang(SHEBANG_SCRIPT)))).toEqual([1]);
  });

  it("answers the library's evalsha directly after its first call", async () => {
    const libraryEval = jest.spyOn(adapter, 'eval');
    const libraryEvalsha = jest.spyOn(adapter, 'evalsha');
    await backend.limit('public', '203.0.113.1');
    // First call: the shebang hash is unknown to Redis, NOSCRIPT makes the library send the script.
    expect(libraryEvalsha).toHaveBeenCalledWith('74740bb3d7792848093cdef586b6b6037c455fd6', expect.any(Array), expect.any(Array));
    expect(libraryEval).toHaveBeenCalledTimes(1);

    const redisEval = jest.spyOn(client, 'eval');
    const redisEvalsha = jest.spyOn(client, 'evalsha');
    const redisScript = jest.spyOn(client, 'script');
    expect((await backend.limit('public', '203.0.113.1')).remaining).toBe(18);
    expect(libraryEval).toHaveBeenCalledTimes(1); // no second NOSCRIPT round
    expect(redisEvalsha).toHaveBeenCalledTimes(1);
    expect(redisEvalsha.mock.calls[0]?.[0]).toBe(sha1(stripShebang(String(libraryEval.mock.calls[0]?.[0]))));
    expect(redisEval).not.toHaveBeenCalled();
    expect(redisScript).not.toHaveBeenCalled();
  });

  it('recovers when Redis forgets its scripts (restart, SCRIPT FLUSH)', async () => {
    await backend.limit('public', '203.0.113.2');
    // Redis's own NOSCRIPT reply, without flushing the scripts other test files are using.
    jest.spyOn(client, 'evalsha').mockRejectedValueOnce(new Error('NOSCRIPT No matching script. Please use EVAL.'));
    const redisEval = jest.spyOn(client, 'eval');
    expect((await backend.limit('public', '203.0.113.2')).remaining).toBe(18);
    expect(redisEval).toHaveBeenCalledTimes(1); // NOSCRIPT on evalsha → EVAL of the stripped script
    expect((await backend.limit('public', '203.0.113.2')).remaining).toBe(17);
  });

  it('returns the shapes @upstash/redis returns for get, set, del, hset and multi', async () => {
    const k = `${prefix}:shape`;
    expect(await adapter.set(k, 5)).toBe('OK');
    expect(await adapter.get(k)).toBe(5); // JSON-deserialized, as @upstash/redis does
    expect(await adapter.set(k, { tier: 'premium' })).toBe('OK');
    expect(await adapter.get(k)).toEqual({ tier: 'premium' });
    expect(await adapter.set(k, 'x', { nx: true })).toBeNull();
    expect(await adapter.set(k, 'plain', { px: 60_000 })).toBe('OK');
    expect(await adapter.get(k)).toBe('plain');
    expect(await admin.pttl(k)).toBeGreaterThan(0);
    expect(await adapter.del(k, `${k}:none`)).toBe(1);
    expect(await adapter.get(k)).toBeNull();
    expect(await adapter.hset(`${k}:h`, { a: 1, b: 'two' })).toBe(2);
    expect(await admin.hgetall(`${k}:h`)).toEqual({ a: '1', b: 'two' });

    const results = await adapter
      .multi()
      .set(`${k}:status`, 'valid', { px: 60_000 })
      .sadd(`${k}:s`, 'a', 'b')
      .sdiffstore(`${k}:d`, `${k}:s`, `${k}:none`)
      .sunionstore(`${k}:u`, `${k}:s`, `${k}:d`)
      .del(`${k}:d`)
      .exec();
    expect(results).toEqual(['OK', 2, 2, 2, 1]);
    await expect(adapter.multi().sadd(`${k}:status`, 'x').exec()).rejects.toThrow(/Command 1 \[ sadd \] failed: WRONGTYPE/);
  });

  it('supports the library’s dynamic limits, which go through get and set', async () => {
    const limiter = new Ratelimit({
      redis: adapter,
      prefix: `${prefix}:dyn`,
      limiter: Ratelimit.slidingWindow(10, '1 m'),
      dynamicLimits: true,
      ephemeralCache: false,
    });
    await limiter.setDynamicLimit({ limit: 2 });
    expect(await limiter.getDynamicLimit()).toEqual({ dynamicLimit: 2 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await limiter.limit('someone')).success);
    expect(outcomes).toEqual([true, true, false]);
  });
});
