import { loginKey, rateLimit, rateLimitHeaders, resetRateLimit, useRateLimitBackend } from '@/lib/ratelimit';
import { MemoryRateLimiter, memoryBackend } from '@/lib/ratelimit/memory';

describe('rateLimit entry point', () => {
  const clock = { now: Date.UTC(2025, 0, 1, 12, 0, 0) };
  beforeEach(() => useRateLimitBackend(memoryBackend(new MemoryRateLimiter({ now: () => clock.now }))));
  afterAll(() => useRateLimitBackend(undefined));

  it('refuses the 6th login for one account and IP, and a successful login clears the count', async () => {
    const key = loginKey(' Ada@Example.com ', '203.0.113.7');
    for (let i = 0; i < 5; i++) expect((await rateLimit('login', key)).success).toBe(true);
    // Case and spaces do not buy a fresh budget.
    const refused = await rateLimit('login', loginKey('ada@example.com', '203.0.113.7'));
    expect(refused.success).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);

    await resetRateLimit('login', key);
    expect(await rateLimit('login', key)).toMatchObject({ success: true, remaining: 4 });
  });

  it('keys logins without a known IP under one shared "unknown" budget', () => {
    expect(loginKey('ada@example.com', null)).toBe('ada@example.com|unknown');
  });
});

describe('rateLimitHeaders', () => {
  it('sends the limit, remaining and reset (epoch seconds) on an allowed request, without Retry-After', () => {
    const headers = rateLimitHeaders({ success: true, limit: 20, remaining: 7, reset: 1_700_000_000_250, retryAfterSeconds: 0 });
    expect(headers).toEqual({
      'X-RateLimit-Limit': '20',
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Reset': '1700000001',
    });
  });

  it('adds Retry-After in seconds when refused', () => {
    const headers = rateLimitHeaders({ success: false, limit: 5, remaining: 0, reset: 1_700_000_900_000, retryAfterSeconds: 900 });
    expect(headers['Retry-After']).toBe('900');
    expect(headers['X-RateLimit-Remaining']).toBe('0');
  });
});
