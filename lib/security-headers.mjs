/**
 * Headers every response carries (next.config.mjs `headers()`), in one place. Plain JS so the
 * Next config can import it. The script policy (CSP with per-request nonces) is issue 7's next
 * step; these are the parts that hold for every route today.
 */
export function securityHeaders({ production }) {
  const headers = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), usb=(), payment=(), interest-cohort=()',
    },
    // No framing, no plugins, no <base> hijack, forms post only to us.
    { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
  ];
  // HSTS only where the site is served over HTTPS; browsers ignore it on plain http anyway.
  if (production) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  return headers;
}
