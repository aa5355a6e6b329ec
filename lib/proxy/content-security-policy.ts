/**
 * The page's Content-Security-Policy, built per request with a fresh nonce. Next.js reads the
 * policy from the request headers the proxy forwards and puts the nonce on its own scripts;
 * 'strict-dynamic' lets those scripts load the app's chunks, and nothing else runs — no inline
 * script an attacker could inject, no script from another origin. Styles keep 'unsafe-inline'
 * because React style attributes (charts, progress bars) cannot carry a nonce.
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  imageOrigins = [],
  connectOrigins = [],
}: {
  nonce: string;
  dev: boolean;
  imageOrigins?: string[];
  connectOrigins?: string[];
}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Dev builds evaluate modules for fast refresh; production never does.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...imageOrigins],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connectOrigins, ...(dev ? ['ws:'] : [])],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a configured URL, or nothing when it is unset or not a URL. */
export function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}
