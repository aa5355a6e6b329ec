import { contentSecurityPolicy, newNonce, originOf } from '@/lib/proxy/content-security-policy';

describe('the page content security policy', () => {
  it('allows scripts only by nonce (and what they load), never inline or from elsewhere', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
  });

  it('lets dev builds evaluate modules and open the HMR socket, production not', () => {
    const dev = contentSecurityPolicy({ nonce: 'abc', dev: true });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).toContain("connect-src 'self' ws:");
  });

  it('adds the configured image and API origins', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', dev: false, imageOrigins: ['https://cdn.example.com'], connectOrigins: ['https://x.supabase.co', 'wss://x.supabase.co'] });
    expect(policy).toContain("img-src 'self' data: blob: https://cdn.example.com");
    expect(policy).toContain("connect-src 'self' https://x.supabase.co wss://x.supabase.co");
  });

  it('makes unguessable nonces and origins only from real URLs', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(originOf('https://cdn.example.com/bucket/path')).toEqual(['https://cdn.example.com']);
    expect(originOf(undefined)).toEqual([]);
    expect(originOf('not a url')).toEqual([]);
  });
});
