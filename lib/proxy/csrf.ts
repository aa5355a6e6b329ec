const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery check for state-changing API requests authenticated by cookie.
 * Browsers always label a cross-site request (Origin, Sec-Fetch-Site); a request that claims
 * another origin is refused. Bearer-token requests are exempt: a forged page cannot attach the
 * header. Requests with neither label come from non-browser clients, which carry no ambient
 * cookies an attacker could borrow. Webhooks authenticate by signature and are exempt too.
 */
export function isCrossSiteRequest(request: {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string; host: string };
}, trustedOrigins: string[] = []): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (!request.nextUrl.pathname.startsWith('/api/')) return false;
  if (request.nextUrl.pathname.startsWith('/api/webhooks/')) return false;
  if (request.headers.has('authorization')) return false;
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  if (origin === 'null') return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  // Compare hosts as the browser saw them (Host header); Next's nextUrl rewrites 127.0.0.1 to
  // localhost. A forged X-Forwarded-Host cannot come from a cross-site page without CORS consent.
  const sameSite = [
    request.headers.get('host'),
    request.headers.get('x-forwarded-host'),
    request.nextUrl.host,
    ...trustedOrigins.map((o) => new URL(o).host),
  ];
  return !sameSite.includes(originHost);
}
