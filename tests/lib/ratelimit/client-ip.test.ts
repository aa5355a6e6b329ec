import { parseEnv } from '@/lib/env';
import { clientIp } from '@/lib/ratelimit/client-ip';

const headers = (init: Record<string, string>) => new Headers(init);

describe('clientIp', () => {
  it('ignores forwarding headers unless TRUST_PROXY is on: anyone can send them', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' }), false)).toBeNull();
  });

  it('takes the first X-Forwarded-For hop behind a trusted proxy', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2, 10.0.0.3' }), true)).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP', () => {
    expect(clientIp(headers({ 'x-real-ip': '198.51.100.4' }), true)).toBe('198.51.100.4');
    expect(clientIp(headers({ 'x-forwarded-for': 'unknown', 'x-real-ip': '198.51.100.4' }), true)).toBe('198.51.100.4');
  });

  it('accepts IPv6 and strips ports some proxies keep', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '2001:DB8::1' }), true)).toBe('2001:db8::1');
    expect(clientIp(headers({ 'x-forwarded-for': '[2001:db8::1]:443' }), true)).toBe('2001:db8::1');
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7:51234' }), true)).toBe('203.0.113.7');
  });

  it('returns null when no header holds an address', () => {
    expect(clientIp(headers({}), true)).toBeNull();
    expect(clientIp(headers({ 'x-forwarded-for': 'evil.example, 203.0.113.7' }), true)).toBeNull();
  });

  it('reads TRUST_PROXY from configuration, off by default', () => {
    expect(parseEnv({ NODE_ENV: 'test' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ NODE_ENV: 'test', TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ NODE_ENV: 'test', TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });

  it('uses the configured TRUST_PROXY when not told', async () => {
    const saved = process.env.TRUST_PROXY;
    const { resetEnvForTests } = await import('@/lib/env');
    try {
      process.env.TRUST_PROXY = 'true';
      resetEnvForTests();
      expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
      process.env.TRUST_PROXY = 'false';
      resetEnvForTests();
      expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7' }))).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
      resetEnvForTests();
    }
  });
});
