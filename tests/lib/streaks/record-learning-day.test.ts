import { eq } from 'drizzle-orm';
import { asService } from '@/lib/db';
import { learningDays, profiles } from '@/lib/db/schema';
import { recordLearningDay } from '@/lib/streaks/record-learning-day';
import { streakSummary } from '@/lib/streaks/queries';
import { canonicalTimeZone, timeZoneSchema } from '@/lib/streaks/time-zones';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';

describe('recordLearningDay', () => {
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

  const record = (userId: string, at: Date) => asService('test-fixture', (tx) => recordLearningDay(tx, userId, at));
  const daysOf = (userId: string) =>
    asService('test-fixture', (tx) => tx.select({ day: learningDays.day }).from(learningDays).where(eq(learningDays.userId, userId)));

  const lateEvening = new Date('2024-06-14T23:30:00Z');

  it('counts 23:30 UTC as the next day in Asia/Tokyo', async () => {
    const user = await learnerIn('Asia/Tokyo');
    expect(await record(user.id, lateEvening)).toEqual({ day: '2024-06-15', isNew: true });
  });

  it('counts 23:30 UTC as the same day for a learner in UTC', async () => {
    const user = await learnerIn('UTC');
    expect(await record(user.id, lateEvening)).toEqual({ day: '2024-06-14', isNew: true });
  });

  it('counts it as the same day west of UTC, too', async () => {
    const user = await learnerIn('America/Los_Angeles');
    expect(await record(user.id, lateEvening)).toEqual({ day: '2024-06-14', isNew: true });
  });

  it('keeps one row when two devices report the same day at once', async () => {
    const user = await learnerIn('Europe/Berlin');
    const results = await Promise.all([
      record(user.id, new Date('2024-06-14T08:00:00Z')),
      record(user.id, new Date('2024-06-14T19:00:00Z')),
    ]);
    expect(results.map((r) => r.day)).toEqual(['2024-06-14', '2024-06-14']);
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(await daysOf(user.id)).toEqual([{ day: '2024-06-14' }]);
  });

  it('defaults to now, in the learner’s zone', async () => {
    const user = await learnerIn('Pacific/Kiritimati'); // UTC+14: often a day ahead of UTC
    const { day } = await record(user.id, new Date());
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(day).toBe(expected);
  });

  it('refuses a user without a profile', async () => {
    await expect(record('00000000-0000-4000-8000-000000000000', lateEvening)).rejects.toThrow(/No profile/);
  });

  it('feeds the streak summary, read as the learner', async () => {
    const user = await learnerIn('UTC');
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    await record(user.id, yesterday);
    await record(user.id, today);
    const summary = await streakSummary(user.claims);
    expect(summary).toMatchObject({ current: 2, longest: 2, freezesHeld: 0, timeZone: 'UTC' });
    expect(summary.today).toBe(today.toISOString().slice(0, 10));
    expect(summary.heatmap).toHaveLength(84);
    expect(summary.heatmap.at(-1)).toEqual({ day: summary.today, active: true, frozen: false });
    expect(summary.heatmap.filter((d) => d.active)).toHaveLength(2);
    expect(summary.heatmap[0]!.day < summary.heatmap[83]!.day).toBe(true);
  });

  it('summarises a learner with no days yet', async () => {
    const user = await learnerIn('Asia/Tokyo');
    const summary = await streakSummary(user.claims);
    expect(summary).toMatchObject({ current: 0, longest: 0, freezesHeld: 0, timeZone: 'Asia/Tokyo' });
    expect(summary.heatmap.every((d) => !d.active && !d.frozen)).toBe(true);
  });
});

describe('timeZoneSchema', () => {
  it('accepts IANA zones and UTC', () => {
    expect(timeZoneSchema.parse('Europe/Berlin')).toBe('Europe/Berlin');
    expect(timeZoneSchema.parse('America/New_York')).toBe('America/New_York');
    expect(timeZoneSchema.parse('UTC')).toBe('UTC');
  });

  it('accepts an alias or odd casing and stores the canonical name', () => {
    expect(timeZoneSchema.parse('europe/berlin')).toBe('Europe/Berlin');
    expect(Intl.supportedValuesOf('timeZone')).toContain(timeZoneSchema.parse('Asia/Kolkata'));
  });

  it('refuses anything else', () => {
    for (const zone of ['', 'Mars/Olympus_Mons', 'Europe/Berlin; drop table x', 'x'.repeat(65)]) {
      expect(timeZoneSchema.safeParse(zone).success).toBe(false);
    }
    expect(timeZoneSchema.safeParse(42).success).toBe(false);
    expect(canonicalTimeZone('Nowhere/Special')).toBeNull();
  });

  describe('against the database', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('accepts only zones PostgreSQL knows, so learning days can be computed in SQL', async () => {
      const known = new Set(
        (await database.connection.withSession((s) => s.query<{ name: string }>('select name from pg_timezone_names'))).map((r) => r.name),
      );
      const accepted = [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((z) => timeZoneSchema.parse(z));
      expect(accepted.filter((z) => !known.has(z))).toEqual([]);
    });
  });
});
