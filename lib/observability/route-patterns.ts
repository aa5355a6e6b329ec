/**
 * Every API route's pattern, as its folder under app/api names it. Metrics label requests by
 * pattern, never by raw path, so ids in URLs cannot grow the label set without bound.
 * tests/lib/observability/route-patterns.test.ts walks app/api and fails when this list drifts.
 */
export const API_ROUTE_PATTERNS = [
  '/api/achievements',
  '/api/admin/achievements',
  '/api/admin/achievements/[id]',
  '/api/admin/achievements/[id]/backfill',
  '/api/admin/achievements/preview',
  '/api/admin/analytics',
  '/api/admin/analytics/export',
  '/api/admin/audit',
  '/api/admin/quests',
  '/api/admin/quests/[id]',
  '/api/admin/quests/[id]/archive',
  '/api/admin/quests/[id]/publish',
  '/api/admin/quests/[id]/restore',
  '/api/admin/quests/[id]/unpublish',
  '/api/admin/quests/options',
  '/api/admin/uploads/cover',
  '/api/admin/users',
  '/api/admin/users/[id]',
  '/api/admin/users/[id]/permissions',
  '/api/admin/users/[id]/reinstate',
  '/api/admin/users/[id]/role',
  '/api/admin/users/[id]/suspend',
  '/api/admin/users/[id]/xp',
  '/api/auth/change-password',
  '/api/auth/forgot-password',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/refresh',
  '/api/auth/register',
  '/api/auth/resend-verification',
  '/api/auth/reset-password',
  '/api/auth/verify-email',
  '/api/bench/floor',
  '/api/health',
  '/api/health/ready',
  '/api/leaderboard',
  '/api/me/avatar',
  '/api/me/export',
  '/api/media/[...key]',
  '/api/metrics',
  '/api/payments/checkout',
  '/api/payments/portal',
  '/api/progress',
  '/api/progress/[id]',
  '/api/progress/[id]/steps/[position]',
  '/api/quests',
  '/api/quests/[id]',
  '/api/quests/[id]/start',
  '/api/webhooks/stripe',
] as const;

/** What requests that match no route are counted under. */
export const UNKNOWN_ROUTE = 'other';

type Segment = { kind: 'static'; text: string } | { kind: 'param' } | { kind: 'catch-all' };

const compiled = API_ROUTE_PATTERNS.map((pattern) => ({
  pattern,
  segments: pattern
    .split('/')
    .filter(Boolean)
    .map((text): Segment => (text.startsWith('[...') ? { kind: 'catch-all' } : text.startsWith('[') ? { kind: 'param' } : { kind: 'static', text })),
}));

/** Matches like the App Router: a static segment beats a [param], which beats a [...catch-all]. */
function score(segments: Segment[], parts: string[]): number[] | null {
  const ranks: number[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const part = parts[i];
    if (segment.kind === 'catch-all') return part === undefined ? null : [...ranks, 0];
    if (part === undefined) return null;
    if (segment.kind === 'static') {
      if (segment.text !== part) return null;
      ranks.push(2);
    } else ranks.push(1);
  }
  return parts.length === segments.length ? ranks : null;
}

const better = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return a.length > b.length;
};

/** The route pattern a path is served by, or "other". */
export function routePatternOf(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  let best: { pattern: string; ranks: number[] } | undefined;
  for (const { pattern, segments } of compiled) {
    const ranks = score(segments, parts);
    if (ranks && (!best || better(ranks, best.ranks))) best = { pattern, ranks };
  }
  return best?.pattern ?? UNKNOWN_ROUTE;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Methods are a label too: anything unusual is counted as "other". */
export const methodLabel = (method: string) => (METHODS.has(method.toUpperCase()) ? method.toUpperCase() : UNKNOWN_ROUTE);
