import { benchDatabase } from '@/bench/lib/bench-db';
import { benchSizes } from '@/bench/lib/bench-data';

describe('bench database target', () => {
  it('accepts a local database and derives the maintenance URL on the same server', () => {
    expect(benchDatabase('postgres://postgres@127.0.0.1:5432/workfree_bench')).toEqual({
      url: 'postgres://postgres@127.0.0.1:5432/workfree_bench',
      name: 'workfree_bench',
      maintenanceUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(benchDatabase('postgresql://u:p@localhost/bench_x').name).toBe('bench_x');
  });

  it.each([
    ['postgres://postgres@db.example.com:5432/workfree_bench', /must be on this machine/],
    ['postgres://postgres@10.0.0.5/workfree_bench', /must be on this machine/],
    ['postgres://postgres@127.0.0.1/postgres', /Refusing to overwrite the "postgres" database/],
    ['postgres://postgres@127.0.0.1/template1', /Refusing to overwrite/],
    ['postgres://postgres@127.0.0.1/bad-name;drop', /plain identifier/],
    ['mysql://127.0.0.1/workfree_bench', /postgres:\/\//],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, message) => {
    expect(() => benchDatabase(url)).toThrow(message);
  });
});

describe('bench data sizes', () => {
  it('is the issue’s data set at scale 1', () => {
    expect(benchSizes(1)).toMatchObject({ users: 100_000, quests: 2_000, progress: 2_000_000, events: 5_000_000, progressPerUser: 20 });
  });

  it('keeps every learner on distinct quests at any scale (stride coprime with the quest count)', () => {
    for (const scale of [0.001, 0.02, 0.1, 0.37, 1]) {
      const s = benchSizes(scale);
      const quests = new Set(Array.from({ length: s.progressPerUser }, (_, k) => (7 + k * s.questStride) % s.quests));
      expect(quests.size).toBe(s.progressPerUser);
    }
  });

  it('refuses scales outside (0, 1]', () => {
    expect(() => benchSizes(0)).toThrow(/scale/);
    expect(() => benchSizes(1.5)).toThrow(/scale/);
  });
});
