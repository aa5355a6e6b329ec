import { NextResponse, type NextRequest } from 'next/server';

/**
 * Next.js 16's request interception (formerly middleware.ts). For now it gives every request an
 * id — taken from a well-formed incoming X-Request-Id (set by a load balancer) or made here — that
 * handlers can log and that the response returns, so a user's report can be traced.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
