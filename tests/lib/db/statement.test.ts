import { eq, sql } from 'drizzle-orm';
import { asService, asUser, statement } from '@/lib/db';
import { profiles } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';

/** lib/db/statement.ts: a query built once, run in each caller's own transaction with its values. */
describe('statement', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  let builds = 0;
  const profileById = statement('test-profile-by-id', (tx) => {
    builds += 1;
    return tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, sql.placeholder('id')));
  });

  it('builds its SQL once and runs it with each call’s values, in the caller’s transaction (RLS applies)', async () => {
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    expect(await asUser(a.claims, (tx) => profileById(tx, { id: a.id }))).toEqual([{ id: a.id }]);
    expect(await asUser(b.claims, (tx) => profileById(tx, { id: b.id }))).toEqual([{ id: b.id }]);
    // Another learner's profile is not theirs to read, and anon may not read profiles at all.
    expect(await asUser(b.claims, (tx) => profileById(tx, { id: a.id }))).toEqual([]);
    await expect(asUser(null, (tx) => profileById(tx, { id: a.id }))).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    expect(await asService('test-statement', (tx) => profileById(tx, { id: a.id }))).toEqual([{ id: a.id }]);
    expect(builds).toBe(1);
  });

  const rename = statement('test-rename', (tx) =>
    tx
      .update(profiles)
      .set({ fullName: sql`${sql.placeholder('name')}::text` })
      .where(eq(profiles.id, sql.placeholder('id')))
      .returning({ fullName: profiles.fullName }),
  );

  it('starts each statement when it is called, so statements reach the database in call order', async () => {
    const user = await createTestUser();
    const seen = await asService('test-statement-order', async (tx) => {
      const renaming = rename(tx, { id: user.id, name: 'Renamed first' });
      // Sent after the rename although the rename is awaited only later: it sees the new name.
      const [row] = await tx.select({ fullName: profiles.fullName }).from(profiles).where(eq(profiles.id, user.id));
      expect(await renaming).toEqual([{ fullName: 'Renamed first' }]);
      return row?.fullName;
    });
    expect(seen).toBe('Renamed first');
  });

  it('fails like any query when a value is missing', async () => {
    await expect(asService('test-statement-missing', (tx) => profileById(tx, {}))).rejects.toThrow(/id/);
  });
});
