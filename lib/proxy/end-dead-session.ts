import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { authAdapter } from '@/lib/auth';
import { clearSessionCookies } from '@/lib/auth/cookies';
import { resolveSession } from '@/lib/auth/session';
import type { CookieJar } from '@/lib/auth/types';
import { clientIp } from '@/lib/ratelimit/client-ip';

/**
 * Whether the session behind the request's cookies is alive. The proxy's first look only checks
 * the access token's signature, which outlives a session ended elsewhere (signed out on another
 * device, suspended by an admin). Before sending such a "signed-in" visitor away from /login, ask
 * for real; when the session is dead, its cookies are cleared on `response` (so /login renders
 * instead of the page guard and the proxy bouncing the visitor between them) and false is returned.
 */
export async function isLiveSessionElseClear(request: NextRequest, response: NextResponse, origin: string): Promise<boolean> {
  const jar: CookieJar = {
    getAll: () => request.cookies.getAll().map(({ name, value }) => ({ name, value })),
    setAll: (list) => {
      for (const { name, value, options } of list) response.cookies.set(name, value, options);
    },
  };
  if (await resolveSession(new Headers(), jar)) return true;
  try {
    const adapter = await authAdapter();
    await adapter.logout(null, { cookies: jar, ip: clientIp(request.headers), userAgent: request.headers.get('user-agent'), origin });
  } catch {
    clearSessionCookies(jar, origin);
  }
  return false;
}
