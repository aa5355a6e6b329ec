import { MemoryRateLimiter } from '@/lib/ratelimit/memory';

const MINUTE = 60_000;

function limiterAt(start = Date.UTC(2025, 0, 1, 12, 0, 0)) {
  const clock = { now: start };
  return { clock, limiter: new MemoryRateLimiter({ now: () => clock.now }) };
}

describe('in-process sliding-window limiter', () => {
  it('allows 5 login attempts, then refuses the 6th with a Retry-After', () => {
    const { limiter, clock } = limiterAt();
    const remaining = [];
    for (let i = 0; i < 5; i++) {
      const result = limiter.limit('login', 'ada@example.com|203.0.113.7');
      expect(result.success).toBe(true);
      expect(result.retryAfterSeconds).toBe(0);
      remaining.push(result.remaining);
      clock.now += 1000;
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const sixth = limiter.limit('login', 'ada@example.com|203.0.113.7');
    expect(sixth).toMatchObject({ success: false, limit: 5, remaining: 0 });
    // The first attempt (5 s ago) leaves the 15-minute window in 14 min 55 s.
    expect(sixth.retryAfterSeconds).toBe(15 * 60 - 5);
    expect(sixth.reset).toBe(clock.now - 5000 + 15 * MINUTE);
  });

  it('slides: each attempt frees its slot exactly one window after it was made', () => {
    const { limiter, clock } = limiterAt();
    const start = clock.now;
    for (let i = 0; i < 5; i++) {
      clock.now = start + i * MINUTE;
      expect(limiter.limit('login', 'k').success).toBe(true);
    }
    clock.now = start + 15 * MINUTE - 1;
    expect(limiter.limit('login', 'k').success).toBe(false);
    clock.now = start + 15 * MINUTE;
    expect(limiter.limit('login', 'k').success).toBe(true); // the first attempt has left the window
    expect(limiter.limit('login', 'k').success).toBe(false); // ...and only that one
    clock.now = start + 16 * MINUTE;
    expect(limiter.limit('login', 'k').success).toBe(true);
  });

  it('does not count refused requests, so hammering does not extend the lockout', () => {
    const { limiter, clock } = limiterAt();
    const start = clock.now;
    for (let i = 0; i < 5; i++) limiter.limit('login', 'k');
    for (let i = 0; i < 50; i++) {
      clock.now += 10_000;
      limiter.limit('login', 'k');
    }
    clock.now = start + 15 * MINUTE;
    expect(limiter.limit('login', 'k').success).toBe(true);
  });

  it('clears a key on reset', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 6; i++) limiter.limit('login', 'k');
    expect(limiter.limit('login', 'k').success).toBe(false);
    limiter.reset('login', 'k');
    expect(limiter.limit('login', 'k')).toMatchObject({ success: true, remaining: 4 });
  });

  it('keeps keys and policies independent', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.limit('login', 'a');
    expect(limiter.limit('login', 'a').success).toBe(false);
    expect(limiter.limit('login', 'b')).toMatchObject({ success: true, remaining: 4 });
    expect(limiter.limit('public', 'a')).toMatchObject({ success: true, limit: 20, remaining: 19 });
  });

  it('applies the api and public budgets per minute', () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 100; i++) expect(limiter.limit('api', 'user-1').success).toBe(true);
    expect(limiter.limit('api', 'user-1')).toMatchObject({ success: false, limit: 100, retryAfterSeconds: 60 });
    for (let i = 0; i < 20; i++) expect(limiter.limit('public', '198.51.100.1').success).toBe(true);
    expect(limiter.limit('public', '198.51.100.1').success).toBe(false);
    clock.now += MINUTE;
    expect(limiter.limit('public', '198.51.100.1').success).toBe(true);
  });

  it('forgets keys whose window has passed, so memory does not grow with every visitor', () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 1000; i++) limiter.limit('public', `198.51.100.${i}`);
    expect(limiter.size).toBe(1000);
    clock.now += 2 * MINUTE;
    limiter.limit('public', 'fresh');
    expect(limiter.size).toBe(1);
  });

  it('caps the number of keys, dropping the least recently used', () => {
    const clock = { now: 0 };
    const limiter = new MemoryRateLimiter({ now: () => clock.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.limit('login', key);
    limiter.limit('login', 'a'); // a is now the most recent
    limiter.limit('login', 'd'); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.limit('login', 'b').remaining).toBe(4); // b starts over
    expect(limiter.limit('login', 'a').remaining).toBe(2); // a kept its count (3rd attempt)
  });

  it('stays exact over many windows of irregular traffic (its log is trimmed, not filtered)', () => {
    const { limiter, clock } = limiterAt();
    const allowed: number[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      // Bursts and pauses: mostly a few ms apart, sometimes most of a window.
      clock.now += random() < 0.01 ? Math.floor(random() * MINUTE) : Math.floor(random() * 20);
      const inWindow = allowed.filter((t) => t > clock.now - MINUTE).length;
      const result = limiter.limit('api', 'busy-learner');
      expect(result.success).toBe(inWindow < 100);
      expect(result.remaining).toBe(Math.max(0, 100 - inWindow - (result.success ? 1 : 0)));
      if (result.success) allowed.push(clock.now);
    }
    expect(allowed.length).toBeGreaterThan(1_000);
  });
});
