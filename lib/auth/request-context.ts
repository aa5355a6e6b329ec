import 'server-only';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/ratelimit/client-ip';
import type { CookieJar, RequestContext } from './types';

/** What the auth adapter needs to know about the request it is serving. */
export function authRequestContext(request: NextRequest, cookies: CookieJar): RequestContext {
  return {
    cookies,
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent'),
    origin: env().APP_URL?.replace(/\/$/, '') ?? request.nextUrl.origin,
  };
}
