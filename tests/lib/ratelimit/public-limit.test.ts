import { RATE_LIMIT_POLICIES, publicLimitPerMinute } from '@/lib/ratelimit/policies';

describe('the anonymous per-IP budget', () => {
  it('is 20 a minute by default (the product rule)', () => {
    expect(publicLimitPerMinute(undefined)).toBe(20);
    expect(RATE_LIMIT_POLICIES.public).toEqual({ limit: 20, windowMs: 60_000, onBackendDown: 'fallback' });
  });

  it('takes a whole number from RATE_LIMIT_PUBLIC_PER_MINUTE for test and load runs', () => {
    expect(publicLimitPerMinute('1000')).toBe(1000);
    expect(publicLimitPerMinute(' 50 ')).toBe(50);
  });

  it('ignores anything else rather than opening the gate', () => {
    for (const raw of ['', '0', '-5', '1e9', 'lots', '2.5', '1000000', 'Infinity']) {
      expect(publicLimitPerMinute(raw)).toBe(20);
    }
  });
});
