import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { resetEnvForTests } from '@/lib/env';
import { POST as register } from '@/app/api/auth/register/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { call, cookiesSet } from '../support/http';
import { createTestUser } from '../support/fixtures';
import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { revokeAllFamilies } from '@/lib/auth/built-in/refresh-tokens';
import { tokenFor } from '../support/sessions';

let counter = 0;
async function signUp() {
  const email = `proxy${++counter}-${Date.now()}@example.test`;
  const { json } = await call(register, { body: { email, password: 'correct horse battery', fullName: 'Proxy' } });
  return { token: json.token as string, refreshToken: json.refreshToken as string };
}

function request(path: string, init: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookies) headers.set('cookie', Object.entries(init.cookies).map(([k, v]) => `${k}=${v}`).join('; '));
  return new NextRequest(`http://localhost${path}`, { method: init.method ?? 'GET', headers });
}

const passedThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  describe('request ids', () => {
    it('gives a request a fresh id, keeps a well-formed incoming one, replaces a hostile one', async () => {
      expect((await proxy(request('/quests'))).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect((await proxy(request('/quests', { headers: { 'x-request-id': 'lb-1234abcd' } }))).headers.get('x-request-id')).toBe('lb-1234abcd');
      const hostile = await proxy(request('/quests', { headers: { 'x-request-id': '<script>alert(1)</script>' } }));
      expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('CSRF', () => {
    const post = (headers: Record<string, string>) =>
      proxy(request('/api/auth/logout', { method: 'POST', headers, cookies: { wf_access: 'x' } }));

    it('refuses a cookie-authenticated POST from another origin', async () => {
      const response = await post({ origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('CSRF_REJECTED');
      expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await post({ origin: 'null' })).status).toBe(403);
    });

    it('lets same-origin, bearer and label-free (non-browser) requests through', async () => {
      expect(passedThrough(await post({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }))).toBe(true);
      expect(passedThrough(await post({ origin: 'https://evil.example', authorization: 'Bearer abc' }))).toBe(true);
      expect(passedThrough(await post({}))).toBe(true);
    });

    it('compares the Origin with the Host the browser used (127.0.0.1 is not rewritten)', async () => {
      expect(passedThrough(await post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(true);
      expect((await post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' })).status).toBe(403);
    });

    it('leaves safe methods and webhooks alone', async () => {
      expect(passedThrough(await proxy(request('/api/health', { headers: { origin: 'https://evil.example' } })))).toBe(true);
      const webhook = await proxy(request('/api/webhooks/stripe', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }));
      expect(passedThrough(webhook)).toBe(true);
    });
  });

  describe('rate limits', () => {
    it('gives anonymous callers 20 API requests a minute per IP, then 429 with Retry-After', async () => {
      process.env.TRUST_PROXY = 'true'; // let X-Forwarded-For name the client, as behind Vercel
      resetEnvForTests();
      // A fresh address per run: with REDIS_URL set the budget lives in a Redis shared by runs.
      const ip = `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
      const other = `198.19.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 21; i++) {
        last = await proxy(request('/api/quests', { headers: { 'x-forwarded-for': ip } }));
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.headers.get('x-ratelimit-limit')).toBe('20');
      expect((await last!.json()).error.code).toBe('RATE_LIMITED');
      // Another client still has its own budget.
      expect((await proxy(request('/api/quests', { headers: { 'x-forwarded-for': other } }))).status).toBe(200);
      delete process.env.TRUST_PROXY;
      resetEnvForTests();
    });

    it('counts signed-in callers per user, with 100 a minute', async () => {
      const { token } = await signUp();
      const response = await proxy(request('/api/quests', { headers: { authorization: `Bearer ${token}` } }));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('100');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
    });

    it('does not count health probes or media (a catalog page loads many covers)', async () => {
      const response = await proxy(request('/api/health'));
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
      const media = await proxy(request('/api/media/covers/abc.png'));
      expect(media.headers.get('x-ratelimit-limit')).toBeNull();
    });
  });

  describe('content security policy', () => {
    it('gives each page a script policy with a fresh nonce, forwarded to Next.js and sent to the browser', async () => {
      const first = await proxy(request('/quests'));
      const second = await proxy(request('/quests'));
      const policy = first.headers.get('content-security-policy')!;
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain("'unsafe-inline' 'strict-dynamic'");
      expect(second.headers.get('content-security-policy')).not.toBe(policy);
      // Next.js reads the nonce from the forwarded request headers.
      expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    });

    it('leaves API answers to their own headers', async () => {
      expect((await proxy(request('/api/quests'))).headers.get('content-security-policy')).toBeNull();
    });
  });

  describe('page sessions', () => {
    it('sends signed-out visitors of the app area to login with a return path', async () => {
      const response = await proxy(request('/settings?tab=password'));
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location')!);
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('next')).toBe('/settings?tab=password');
      expect((await proxy(request('/admin'))).status).toBe(307);
    });

    it('lets signed-in users in and keeps them out of login and register', async () => {
      const { token } = await signUp();
      expect(passedThrough(await proxy(request('/settings', { cookies: { wf_access: token } })))).toBe(true);
      const away = await proxy(request('/login?next=/settings', { cookies: { wf_access: token } }));
      expect(new URL(away.headers.get('location')!).pathname).toBe('/settings');
      const evil = await proxy(request('/register?next=//evil.example/x', { cookies: { wf_access: token } }));
      expect(new URL(evil.headers.get('location')!).host).toBe('localhost');
    });

    it('shows login, clearing the cookies, to a visitor whose token outlived its session (no redirect loop)', async () => {
      // Suspended by an admin: the access token is still well signed for up to 15 minutes.
      const suspended = await createTestUser();
      const suspendedToken = await tokenFor(suspended);
      await asService('test', (tx) => tx.update(profiles).set({ suspendedAt: new Date(), suspendedReason: 'Spam' }).where(eq(profiles.id, suspended.id)));
      const login = await proxy(request('/login?next=/dashboard', { cookies: { wf_access: suspendedToken } }));
      expect(passedThrough(login)).toBe(true);
      expect(cookiesSet(login).wf_access?.value).toBe('');
      // Signed out on every device elsewhere: the same.
      const { token } = await signUp();
      const revoked = await createTestUser();
      const revokedToken = await tokenFor(revoked);
      await asService('test', (tx) => revokeAllFamilies(tx, revoked.id, 'logout_all'));
      const away = await proxy(request('/login', { cookies: { wf_access: revokedToken } }));
      expect(passedThrough(away)).toBe(true);
      // A live session is still sent on.
      expect((await proxy(request('/login', { cookies: { wf_access: token } }))).status).toBe(307);
    });

    it('answers 404 to a signed-in learner at /admin and lets staff through', async () => {
      const { token } = await signUp();
      const learner = await proxy(request('/admin/users', { cookies: { wf_access: token } }));
      expect(learner.status).toBe(404);
      expect(learner.headers.get('x-middleware-rewrite')).toContain('/not-found');
      const admin = await createTestUser({ role: 'admin' });
      const adminToken = await tokenFor(admin);
      expect(passedThrough(await proxy(request('/admin/users', { cookies: { wf_access: adminToken } })))).toBe(true);
    });

    it('refreshes an expired session before the page renders', async () => {
      const { refreshToken } = await signUp();
      const response = await proxy(request('/settings', { cookies: { wf_refresh: refreshToken } }));
      expect(passedThrough(response)).toBe(true);
      const cookies = cookiesSet(response);
      expect(cookies.wf_access?.value).toMatch(/^ey/);
      expect(cookies.wf_refresh?.value).not.toBe(refreshToken);
      // The page sees the new cookie on the forwarded request.
      expect(response.headers.get('x-middleware-request-cookie')).toContain(cookies.wf_access!.value);
    });

    it('shares one rotation between the simultaneous requests of a page load', async () => {
      const { refreshToken } = await signUp();
      const load = () => proxy(request('/settings', { cookies: { wf_refresh: refreshToken } }));
      const responses = await Promise.all([load(), load(), load()]);
      expect(responses.every(passedThrough)).toBe(true);
      const tokens = new Set(responses.map((r) => cookiesSet(r).wf_refresh?.value));
      expect(tokens.size).toBe(1);
      // The shared rotation left a live session behind.
      const next = [...tokens][0]!;
      expect((await call(refresh, { body: { refreshToken: next } })).status).toBe(200);
    });

    it('sends a visitor with a dead refresh token to login and clears the cookies', async () => {
      const { refreshToken } = await signUp();
      await call(refresh, { body: { refreshToken } });
      const response = await proxy(request('/settings', { cookies: { wf_refresh: refreshToken } }));
      expect(response.status).toBe(307);
      expect(cookiesSet(response).wf_refresh?.value).toBe('');
    });
  });
});
