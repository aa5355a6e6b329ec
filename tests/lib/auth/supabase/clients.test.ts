import { createClient } from '@supabase/supabase-js';
import { NextRequest, NextResponse } from 'next/server';
import { createSupabaseAdminClient } from '@/lib/auth/supabase/admin-client';
import { createSupabaseBrowserClient } from '@/lib/auth/supabase/browser-client';
import { createSupabaseProxyClient, refreshSupabaseSessionInProxy } from '@/lib/auth/supabase/proxy-client';
import { createSupabaseServerClient, createSupabaseStatelessClient } from '@/lib/auth/supabase/server-client';
import { supabaseAuthAdapter } from '@/lib/auth/supabase/adapter';
import { ConfigError } from '@/lib/env';
import { MemoryCookieJar, context, pointEnvAt, useGoTrueDouble } from './support';

const { double } = useGoTrueDouble();

describe('supabase client factories', () => {
  it('run on Node 20, which has no global WebSocket (ARCHITECTURE §8)', () => {
    // Jest's environment installs a WebSocket global that plain Node 20 lacks: remove it here.
    const holder = globalThis as { WebSocket?: unknown };
    const jestWebSocket = holder.WebSocket;
    delete holder.WebSocket;
    try {
      // The pitfall is real: without a transport, supabase-js refuses to build a client.
      expect(() => createClient(double().url, 'k')).toThrow(/native WebSocket not found/);

      const request = new NextRequest('http://localhost/dashboard');
      expect(() => createSupabaseServerClient(new MemoryCookieJar())).not.toThrow();
      expect(() => createSupabaseStatelessClient()).not.toThrow();
      expect(() => createSupabaseAdminClient()).not.toThrow();
      expect(() => createSupabaseProxyClient(request, { response: NextResponse.next() })).not.toThrow();
      // A client component rendered on the server builds the browser client too.
      expect(() => createSupabaseBrowserClient()).not.toThrow();
    } finally {
      holder.WebSocket = jestWebSocket;
    }
  });

  it('build a new server client per call: a client caches the session it loaded', () => {
    const jar = new MemoryCookieJar();
    expect(createSupabaseServerClient(jar)).not.toBe(createSupabaseServerClient(jar));
  });

  it('refuse to build the admin client without SUPABASE_SERVICE_ROLE_KEY, naming it', () => {
    pointEnvAt(double(), { serviceRoleKey: false });
    try {
      expect(() => createSupabaseAdminClient()).toThrow(ConfigError);
      expect(() => createSupabaseAdminClient()).toThrow(/SUPABASE_SERVICE_ROLE_KEY/);
    } finally {
      pointEnvAt(double());
    }
  });
});

describe('refreshSupabaseSessionInProxy', () => {
  const adapter = supabaseAuthAdapter();
  let seq = 0;

  async function cookiesOfLogin(ttlSeconds: number) {
    double().accessTtlSeconds = ttlSeconds;
    const user = double().addUser({ email: `proxy${++seq}@example.com`, password: 'long enough pw' });
    const jar = new MemoryCookieJar();
    await adapter.login({ email: user.email, password: 'long enough pw' }, context(jar));
    double().accessTtlSeconds = 3600;
    return { user, jar };
  }

  it('passes a request without a session through, with no claims and no cookies', async () => {
    const before = double().requests.length;
    const { response, claims } = await refreshSupabaseSessionInProxy(new NextRequest('http://localhost/'));
    expect(claims).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(double().requests).toHaveLength(before);
  });

  it('returns the claims of a fresh session without refreshing it', async () => {
    const { user, jar } = await cookiesOfLogin(3600);
    const refreshes = double().requestsTo('POST', '/token').length;
    const request = new NextRequest('http://localhost/dashboard', { headers: { cookie: jar.header() } });
    const { response, claims } = await refreshSupabaseSessionInProxy(request);
    expect(claims).toMatchObject({ sub: user.id, role: 'authenticated' });
    expect(double().requestsTo('POST', '/token')).toHaveLength(refreshes);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refreshes a session about to expire: new cookies to the browser and to the route, no-store', async () => {
    // 60 s left is inside auth-js's 90 s margin, so loading the session refreshes it.
    const { user, jar } = await cookiesOfLogin(60);
    const request = new NextRequest('http://localhost/dashboard', { headers: { cookie: jar.header() } });
    const forward = new Headers(request.headers);
    forward.set('x-request-id', 'req-12345678');

    const { response, claims } = await refreshSupabaseSessionInProxy(request, forward);
    expect(claims).toMatchObject({ sub: user.id });
    expect(double().requestsTo('POST', '/token').at(-1)?.query.grant_type).toBe('refresh_token');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/sb-127-auth-token/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    // The route rendering this request sees the refreshed cookies, and proxy.ts's headers survive.
    expect(forward.get('cookie')).not.toBe(jar.header());
    expect(forward.get('x-request-id')).toBe('req-12345678');
    expect(response.headers.get('x-middleware-override-headers')).toMatch(/x-request-id/);
  });

  it('answers no claims when an expired session cannot be refreshed', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined); // auth-js logs the refused refresh
    const { jar } = await cookiesOfLogin(-10);
    const copy = new MemoryCookieJar();
    copy.setAll(jar.getAll());
    await adapter.logout(null, context(copy), { allDevices: true });
    const request = new NextRequest('http://localhost/dashboard', { headers: { cookie: jar.header() } });
    const { claims } = await refreshSupabaseSessionInProxy(request);
    expect(claims).toBeNull();
    expect(double().requestsTo('POST', '/token').at(-1)?.query.grant_type).toBe('refresh_token');
    jest.restoreAllMocks();
  });
});
