import { sql } from 'drizzle-orm';
import { asService, queryRows } from '@/lib/db';
import { addDays, computeStreak, DAYS_PER_FREEZE, MAX_FREEZES } from '@/lib/streaks/compute-streak';
import { createTestDatabase, type TestDatabase } from '../../../support/database';

/** A small deterministic PRNG, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * private.longest_streak (migration 0017) re-implements computeStreak().longest in SQL so the
 * admin can count streaks for every learner at once. They must never disagree.
 */
describe('private.longest_streak', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  /** The aggregate over each set of days, in one query; a set with no days gives 0. */
  async function longestInSql(sets: string[][]): Promise<number[]> {
    const rows = await asService('test', (tx) =>
      queryRows<{ ord: number | string; longest: number }>(
        tx,
        sql`select s.ord, private.longest_streak(d.day::date, cast(${DAYS_PER_FREEZE} as integer), cast(${MAX_FREEZES} as integer) order by d.day::date) as longest
            from jsonb_array_elements(cast(${JSON.stringify(sets)} as jsonb)) with ordinality as s(days, ord)
            cross join lateral jsonb_array_elements_text(s.days) as d(day)
            group by s.ord`,
      ),
    );
    const byOrd = new Map(rows.map((r) => [Number(r.ord), Number(r.longest)]));
    return sets.map((_, i) => byOrd.get(i + 1) ?? 0);
  }

  const run = (start: string, n: number) => Array.from({ length: n }, (_, i) => addDays(start, i));

  it('follows the freeze rules on hand-made cases', async () => {
    const cases: [string, string[], number][] = [
      ['no days', [], 0],
      ['one day', ['2024-03-01'], 1],
      ['a gap of one day without a freeze breaks it', ['2024-03-01', '2024-03-02', '2024-03-04'], 2],
      ['seven days earn a freeze that covers a single gap', [...run('2024-03-01', 7), ...run('2024-03-09', 3)], 10],
      ['a two-day gap breaks it whatever is held', [...run('2024-03-01', 7), ...run('2024-03-10', 3)], 7],
      ['duplicates count once', ['2024-03-01', '2024-03-01', '2024-03-02'], 2],
      ['the longest of several streaks', [...run('2024-01-01', 4), ...run('2024-02-01', 6), ...run('2024-03-01', 2)], 6],
      ['freezes are capped', [...run('2024-01-01', 21), '2024-01-23', '2024-01-25', '2024-01-27'], 21 + 2],
    ];
    const sql = await longestInSql(cases.map(([, days]) => days));
    cases.forEach(([name, days, expected], i) => {
      expect({ name, sql: sql[i] }).toEqual({ name, sql: expected });
      expect({ name, ts: computeStreak(days, '2024-06-01').longest }).toEqual({ name, ts: expected });
    });
  });

  it('agrees with computeStreak on 300 random histories', async () => {
    const next = random(42);
    const sets = Array.from({ length: 300 }, () => {
      const days: string[] = [];
      let day = '2024-01-01';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i += 1) {
        // Mostly consecutive days, some single gaps (freezes), a few longer breaks.
        const r = next();
        day = addDays(day, r < 0.65 ? 1 : r < 0.9 ? 2 : 3 + Math.floor(next() * 5));
        days.push(day);
      }
      // Unsorted input with repeats, as the days could arrive.
      return [...days, ...days.slice(0, 3)].sort(() => next() - 0.5);
    });
    const sql = await longestInSql(sets);
    expect(sql).toEqual(sets.map((days) => computeStreak(days, '2025-01-01').longest));
  });
});
