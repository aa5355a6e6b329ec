/** Pages that need a signed-in user: the (app) and (admin) route groups. */
export const PROTECTED_PREFIXES = ['/dashboard', '/settings', '/achievements', '/leaderboard', '/admin'] as const;
/** Pages a signed-in user has no business on. */
export const SIGNED_OUT_ONLY = ['/login', '/register'] as const;
/** Where signed-in users land when no return path is given. */
export const HOME_SIGNED_IN = '/dashboard';

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The quest player sits under the public /quests tree but needs a signed-in learner. */
const PLAYER = /^\/quests\/[^/]+\/play(\/|$)/;

export const isProtectedPath = (pathname: string) =>
  PROTECTED_PREFIXES.some((p) => under(pathname, p)) || PLAYER.test(pathname);
export const isAdminPath = (pathname: string) => under(pathname, '/admin');
export const isSignedOutOnlyPath = (pathname: string) => SIGNED_OUT_ONLY.some((p) => under(pathname, p));

/**
 * A return path from `?next=` that is safe to redirect to: same-site and relative. Anything else
 * (absolute URLs, protocol-relative `//evil.example`, backslash tricks) is dropped.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  try {
    const url = new URL(value, 'http://workfree.invalid');
    if (url.origin !== 'http://workfree.invalid') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
