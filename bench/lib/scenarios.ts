/** The benchmark's scenarios: what each sends, and which reference it is compared with. */
import type { Scenario } from './drive';
import type { Fixtures } from './fixtures';

function rotate<T>(pool: T[]): () => T {
  let i = 0;
  return () => pool[i++ % pool.length]!;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function buildScenarios(f: Fixtures): Scenario[] {
  const token = rotate(f.tokens.map((t) => t.token));
  const page1 = `/api/quests?category=${encodeURIComponent(f.category)}&difficulty=beginner&page=1`;
  const deep = `/api/quests?${f.deepFilter}&page=${f.deepPage}`;
  const playable = rotate(f.playable);
  let graded = 0;
  const gradable = f.gradable;
  return [
    { name: 'floor', route: 'GET /api/bench/floor', kind: 'floor', server: 'next', next: () => ({ method: 'GET', path: '/api/bench/floor' }) },
    {
      name: 'reference-quests',
      route: `GET ${page1.replace('/api', '')} (node:http)`,
      kind: 'reference',
      server: 'reference',
      next: () => ({ method: 'GET', path: page1.replace('/api', ''), headers: bearer(token()) }),
    },
    {
      name: 'reference-progress',
      route: 'GET /progress (node:http)',
      kind: 'reference',
      server: 'reference',
      next: () => ({ method: 'GET', path: '/progress', headers: bearer(token()) }),
    },
    {
      name: 'quests-page1',
      route: `GET ${page1}`,
      kind: 'api',
      server: 'next',
      reference: 'reference-quests',
      next: () => ({ method: 'GET', path: page1, headers: bearer(token()) }),
    },
    {
      name: 'quests-deep',
      route: `GET ${deep}`,
      kind: 'api',
      server: 'next',
      next: () => ({ method: 'GET', path: deep, headers: bearer(token()) }),
    },
    {
      name: 'progress-list',
      route: 'GET /api/progress',
      kind: 'api',
      server: 'next',
      reference: 'reference-progress',
      next: () => ({ method: 'GET', path: '/api/progress', headers: bearer(token()) }),
    },
    {
      name: 'progress-put',
      route: 'PUT /api/progress/:id',
      kind: 'api',
      server: 'next',
      next: () => {
        const p = playable();
        return {
          method: 'PUT',
          path: `/api/progress/${p.progressId}`,
          headers: bearer(p.token),
          body: JSON.stringify({ currentStep: p.currentStep, progressPercentage: p.currentStep * 20, timeSpent: 600 }),
        };
      },
    },
    {
      name: 'step-grade',
      route: 'POST /api/progress/:id/steps/:position',
      kind: 'api',
      server: 'next',
      // Each request answers a quiz step nobody answered yet: the full grading path (lock, key,
      // insert, progress, event, learning day). Once the pool runs out, repeats return the first answer.
      next: () => {
        const g = gradable[graded++ % gradable.length]!;
        return {
          method: 'POST',
          path: `/api/progress/${g.progressId}/steps/${g.position}`,
          headers: bearer(g.token),
          body: JSON.stringify({ answer: 'b' }),
        };
      },
      note: () => `${Math.min(graded, gradable.length)} of ${graded} were first answers`,
    },
    { name: 'catalog-page', route: 'GET /quests (anonymous page)', kind: 'page', server: 'next', next: () => ({ method: 'GET', path: '/quests' }) },
  ];
}
