import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { addDays, computeStreak } from '@/lib/streaks/compute-streak';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';

/** `count` consecutive days starting at `start`. */
const run = (start: string, count: number) => Array.from({ length: count }, (_, i) => addDays(start, i));

describe('computeStreak', () => {
  it('is all zero without learning days', () => {
    expect(computeStreak([], '2024-05-10')).toEqual({ current: 0, longest: 0, freezesHeld: 0, frozenDays: [] });
  });

  it('counts consecutive learning days ending today', () => {
    expect(computeStreak(run('2024-05-08', 3), '2024-05-10')).toEqual({ current: 3, longest: 3, freezesHeld: 0, frozenDays: [] });
  });

  it('ignores duplicates and order', () => {
    const days = ['2024-05-10', '2024-05-08', '2024-05-09', '2024-05-08', '2024-05-10'];
    expect(computeStreak(days, '2024-05-10')).toMatchObject({ current: 3, longest: 3 });
  });

  it('restarts at 1 after a missed day when no freeze is held', () => {
    const days = [...run('2024-05-01', 3), ...run('2024-05-05', 2)];
    expect(computeStreak(days, '2024-05-06')).toEqual({ current: 2, longest: 3, freezesHeld: 0, frozenDays: [] });
  });

  it('restarts after six days and a miss: the freeze comes on the seventh day', () => {
    const days = [...run('2024-05-01', 6), '2024-05-08'];
    expect(computeStreak(days, '2024-05-08')).toMatchObject({ current: 1, longest: 6, freezesHeld: 0 });
  });

  it('earns a freeze at 7 days and spends it on one missed day', () => {
    expect(computeStreak(run('2024-05-01', 7), '2024-05-07')).toMatchObject({ current: 7, freezesHeld: 1 });
    const days = [...run('2024-05-01', 7), ...run('2024-05-09', 2)];
    expect(computeStreak(days, '2024-05-10')).toEqual({ current: 9, longest: 9, freezesHeld: 0, frozenDays: ['2024-05-08'] });
  });

  it('holds at most two freezes', () => {
    expect(computeStreak(run('2024-05-01', 14), '2024-05-14').freezesHeld).toBe(2);
    expect(computeStreak(run('2024-05-01', 21), '2024-05-21').freezesHeld).toBe(2);
    expect(computeStreak(run('2024-05-01', 28), '2024-05-28')).toMatchObject({ current: 28, freezesHeld: 2 });
  });

  it('spends one freeze per single missed day', () => {
    const days = [...run('2024-05-01', 14), '2024-05-16', '2024-05-18'];
    expect(computeStreak(days, '2024-05-18')).toEqual({
      current: 16,
      longest: 16,
      freezesHeld: 0,
      frozenDays: ['2024-05-15', '2024-05-17'],
    });
  });

  it('resets after two missed days even with freezes held, and drops those freezes', () => {
    const days = [...run('2024-05-01', 14), '2024-05-17'];
    expect(computeStreak(days, '2024-05-17')).toEqual({ current: 1, longest: 14, freezesHeld: 0, frozenDays: [] });
  });

  describe('the streak alive today', () => {
    const days = run('2024-05-01', 7); // last learning day 2024-05-07, one freeze held

    it('is alive when the last learning day is today or yesterday', () => {
      expect(computeStreak(days, '2024-05-07').current).toBe(7);
      expect(computeStreak(days, '2024-05-08')).toMatchObject({ current: 7, freezesHeld: 1, frozenDays: [] });
    });

    it('is alive the day after a missed day when a freeze covers it', () => {
      expect(computeStreak(days, '2024-05-09')).toEqual({ current: 7, longest: 7, freezesHeld: 0, frozenDays: ['2024-05-08'] });
    });

    it('is 0 the day after a missed day without a freeze', () => {
      expect(computeStreak(run('2024-05-01', 3), '2024-05-05')).toEqual({ current: 0, longest: 3, freezesHeld: 0, frozenDays: [] });
    });

    it('is 0 once two days are missed, freezes or not', () => {
      expect(computeStreak(run('2024-05-01', 14), '2024-05-17')).toMatchObject({ current: 0, longest: 14, freezesHeld: 0 });
    });

    it('stays alive when the last day is after today (the learner moved west)', () => {
      expect(computeStreak(run('2024-05-01', 3), '2024-05-02').current).toBe(3);
    });
  });

  it('runs across month, leap-day and year boundaries', () => {
    expect(computeStreak(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02'], '2024-01-02').current).toBe(4);
    expect(computeStreak(['2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01').current).toBe(3);
    expect(computeStreak(['2023-02-28', '2023-03-01'], '2023-03-01').current).toBe(2);
    expect(computeStreak(['2024-04-30', '2024-05-01'], '2024-05-01').current).toBe(2);
    expect(computeStreak([...run('2023-12-25', 7), '2024-01-02'], '2024-01-02')).toMatchObject({ current: 8, frozenDays: ['2024-01-01'] });
  });

  it('refuses strings that are not calendar dates', () => {
    expect(() => computeStreak(['2024-02-30'], '2024-03-01')).toThrow(RangeError);
    expect(() => computeStreak([], '2024-5-1')).toThrow(RangeError);
    expect(() => computeStreak(['yesterday'], '2024-05-01')).toThrow(RangeError);
  });
});

describe('learning days across a DST change', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  async function learnerIn(timeZone: string) {
    const user = await createTestUser();
    await asService('test-fixture', (tx) => tx.update(profiles).set({ timeZone }).where(eq(profiles.id, user.id)));
    return user;
  }

  const record = (userId: string, instants: string[]) =>
    asService('test-fixture', async (tx) => {
      const days: string[] = [];
      for (const at of instants) days.push((await recordLearningDay(tx, userId, new Date(at))).day);
      return days;
    });

  it('keeps 00:30 local on its own date through Europe/Berlin spring-forward', async () => {
    const user = await learnerIn('Europe/Berlin');
    // 00:30 local each night, 2024-03-28 to 2024-04-03; clocks went 02:00 CET → 03:00 CEST on 03-31.
    const days = await record(user.id, [
      '2024-03-27T23:30:00Z',
      '2024-03-28T23:30:00Z',
      '2024-03-29T23:30:00Z',
      '2024-03-30T23:30:00Z',
      '2024-03-31T22:30:00Z',
      '2024-04-01T22:30:00Z',
      '2024-04-02T22:30:00Z',
    ]);
    expect(days).toEqual(run('2024-03-28', 7));
    expect(computeStreak(days, '2024-04-03')).toMatchObject({ current: 7, freezesHeld: 1 });
  });

  it('keeps 00:30 local on its own date through America/New_York spring-forward and fall-back', async () => {
    const user = await learnerIn('America/New_York');
    // 00:30 local each night, 2024-03-07 to 2024-03-13; clocks went 02:00 EST → 03:00 EDT on 03-10.
    const spring = await record(user.id, [
      '2024-03-07T05:30:00Z',
      '2024-03-08T05:30:00Z',
      '2024-03-09T05:30:00Z',
      '2024-03-10T05:30:00Z',
      '2024-03-11T04:30:00Z',
      '2024-03-12T04:30:00Z',
      '2024-03-13T04:30:00Z',
    ]);
    expect(spring).toEqual(run('2024-03-07', 7));
    // 01:30 happens twice on 2024-11-03 (EDT, then EST): one learning day.
    const fall = await asService('test-fixture', async (tx) => [
      await recordLearningDay(tx, user.id, new Date('2024-11-03T05:30:00Z')),
      await recordLearningDay(tx, user.id, new Date('2024-11-03T06:30:00Z')),
    ]);
    expect(fall).toEqual([{ day: '2024-11-03', isNew: true }, { day: '2024-11-03', isNew: false }]);
  });
});
