import type { CookieJar, CookieOptions, RequestContext } from '@/lib/auth/types';
import { resetEnvForTests } from '@/lib/env';
import { ANON_KEY, GoTrueDouble, SERVICE_ROLE_KEY, type DoubleOptions } from './gotrue-double';

/** A browser's cookie store in memory: a cookie set empty or with maxAge 0 is deleted. */
export class MemoryCookieJar implements CookieJar {
  readonly store = new Map<string, { value: string; options?: CookieOptions }>();
  /** Every write, in order, as @supabase/ssr issued it. */
  readonly writes: { name: string; value: string; options?: CookieOptions }[] = [];

  getAll() {
    return [...this.store].map(([name, { value }]) => ({ name, value }));
  }

  setAll(cookies: { name: string; value: string; options?: CookieOptions }[]) {
    for (const cookie of cookies) {
      this.writes.push(cookie);
      if (!cookie.value || cookie.options?.maxAge === 0) this.store.delete(cookie.name);
      else this.store.set(cookie.name, { value: cookie.value, options: cookie.options });
    }
  }

  /** The Supabase session cookies (sb-<ref>-auth-token, possibly in .0/.1 chunks). */
  sessionCookies() {
    return [...this.store.keys()].filter((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name));
  }

  /** The request's Cookie header, for building a NextRequest from this jar. */
  header() {
    return this.getAll().map(({ name, value }) => `${name}=${value}`).join('; ');
  }
}

export const ORIGIN = 'http://localhost:3000';

export function context(jar: CookieJar = new MemoryCookieJar()): RequestContext {
  return { cookies: jar, ip: '127.0.0.1', userAgent: 'jest', origin: ORIGIN };
}

const KEYS = ['NEXT_PUBLIC_SUPABASE_URL', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY'] as const;

/** Points lib/env (and so every client factory) at the double; `serviceRoleKey: false` leaves the key unset. */
export function pointEnvAt(double: GoTrueDouble, options: { serviceRoleKey?: boolean } = {}): void {
  process.env.NEXT_PUBLIC_SUPABASE_URL = double.url;
  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = ANON_KEY;
  if (options.serviceRoleKey === false) delete process.env.SUPABASE_SERVICE_ROLE_KEY;
  else process.env.SUPABASE_SERVICE_ROLE_KEY = SERVICE_ROLE_KEY;
  resetEnvForTests();
}

/** Starts a double for the file and points the env at it; restores the env afterwards. */
export function useGoTrueDouble(options: DoubleOptions = {}): { double: () => GoTrueDouble } {
  let double: GoTrueDouble | undefined;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    double = await GoTrueDouble.start(options);
    pointEnvAt(double);
  });
  afterAll(async () => {
    await double?.close();
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvForTests();
  });
  return {
    double: () => {
      if (!double) throw new Error('The GoTrue double is not running yet');
      return double;
    },
  };
}

/** A Session for the adapter's session-taking methods, as lib/auth would build it from claims. */
export function sessionFor(user: { id: string; email: string }, emailVerified = true) {
  return {
    user: { id: user.id, email: user.email, fullName: null, role: 'user' as const, tier: 'free' as const, emailVerified },
    claims: { sub: user.id, role: 'authenticated' as const, email: user.email },
  };
}
