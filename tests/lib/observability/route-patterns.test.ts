import fs from 'node:fs';
import path from 'node:path';
import { API_ROUTE_PATTERNS, methodLabel, routePatternOf } from '@/lib/observability/route-patterns';

/** Every folder under app/api holding a route.ts, as the URL pattern it serves. */
function routeFilePatterns(dir: string, prefix = '/api'): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...routeFilePatterns(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) found.push(prefix);
  }
  return found;
}

describe('API route patterns for metric labels', () => {
  it('lists exactly the routes under app/api', () => {
    const onDisk = routeFilePatterns(path.resolve(__dirname, '../../../app/api')).sort();
    expect([...API_ROUTE_PATTERNS].sort()).toEqual(onDisk);
  });

  it('maps concrete paths to their pattern, preferring static segments', () => {
    expect(routePatternOf('/api/progress/4f0c2c1e-0000-4000-8000-000000000000/steps/2')).toBe('/api/progress/[id]/steps/[position]');
    expect(routePatternOf('/api/admin/quests/options')).toBe('/api/admin/quests/options');
    expect(routePatternOf('/api/admin/quests/abc')).toBe('/api/admin/quests/[id]');
    expect(routePatternOf('/api/admin/achievements/preview')).toBe('/api/admin/achievements/preview');
    expect(routePatternOf('/api/media/covers/a/b.png')).toBe('/api/media/[...key]');
    expect(routePatternOf('/api/quests/')).toBe('/api/quests');
  });

  it('counts anything else as "other", so labels stay bounded', () => {
    expect(routePatternOf('/api/nope/123')).toBe('other');
    expect(routePatternOf('/api/media')).toBe('other');
    expect(routePatternOf('/wp-login.php')).toBe('other');
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('PROPFIND')).toBe('other');
  });
});
