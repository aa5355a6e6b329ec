import { eq, sql } from 'drizzle-orm';
import { GET as leaderboardRoute } from '@/app/api/leaderboard/route';
import { asService, queryRows } from '@/lib/db';
import { profiles, xpLedger } from '@/lib/db/schema';
import { weeklyLeaderboard } from '@/lib/leaderboard/queries';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestQuest, createTestUser, testQuest, type TestUser } from '../../support/fixtures';
import { tryAs } from '../../support/as-actor';
import { call } from '../../support/http';
import { tokenFor } from '../../support/sessions';

/** Monday 00:00 UTC of the current week. */
function weekStart(now = new Date()): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - ((now.getUTCDay() + 6) % 7) * 86_400_000);
}

describe('weekly leaderboard', () => {
  let database: TestDatabase;
  let quests: string[];
  const u = {} as Record<'alice' | 'bob' | 'carol' | 'dave' | 'eve' | 'frank', TestUser>;

  async function learner(fullName: string | null, optIn: boolean) {
    const user = await createTestUser();
    await asService('test-fixture', (tx) =>
      tx.update(profiles).set({ fullName, leaderboardOptIn: optIn }).where(eq(profiles.id, user.id)),
    );
    return user;
  }

  /** Quest XP for `user`, one ledger row per quest from quests[firstQuest], at `createdAt` (default now). */
  const grant = (user: TestUser, amounts: number[], createdAt?: Date, firstQuest = 0) =>
    asService('test-fixture', (tx) =>
      tx.insert(xpLedger).values(
        amounts.map((amount, i) => ({ userId: user.id, questId: quests[firstQuest + i]!, reason: 'quest_completed' as const, amount, createdAt })),
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    quests = [];
    for (const slug of ['board-one', 'board-two', 'board-three']) quests.push(await createTestQuest(testQuest(slug)));
    u.alice = await learner('  Alice   Wonderland Smith ', true);
    u.bob = await learner('Bob', true);
    u.carol = await learner('Carol Private', false);
    u.dave = await learner(null, true);
    u.eve = await learner('eve@example.test', true);
    u.frank = await learner('Frank Lastweek', true);

    const start = weekStart();
    // Bob and Alice tie on 100; Bob got there first.
    await grant(u.bob, [60, 40], new Date(start.getTime() + 1_000));
    await grant(u.alice, [100], new Date(start.getTime() + 2_000));
    await grant(u.carol, [500, 500]);
    await grant(u.dave, [200, 100]);
    await grant(u.eve, [50]);
    // Eight days ago is always before this Monday.
    const lastWeek = new Date(Date.now() - 8 * 86_400_000);
    await grant(u.frank, [900], lastWeek);
    await grant(u.alice, [700], lastWeek, 1);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('ranks opted-in learners by this week’s XP, ties to whoever got there first', async () => {
    const board = await weeklyLeaderboard(u.alice.claims);
    expect(board.entries).toEqual([
      { rank: 1, displayName: 'Learner', xp: 300, isMe: false },
      { rank: 2, displayName: 'Bob', xp: 100, isMe: false },
      { rank: 3, displayName: 'Alice S.', xp: 100, isMe: true },
      { rank: 4, displayName: 'Learner', xp: 50, isMe: false },
    ]);
    expect(board.weekStartsAt).toBe(weekStart().toISOString());
  });

  it('leaves out learners who did not opt in and XP from earlier weeks', async () => {
    const board = await weeklyLeaderboard(u.bob.claims);
    expect(board.entries.map((e) => e.xp)).not.toContain(1000);
    expect(board.entries.map((e) => e.displayName)).not.toContain('Carol P.');
    expect(board.entries.map((e) => e.displayName)).not.toContain('Frank L.');
  });

  it('tells each learner their own rank and week', async () => {
    expect((await weeklyLeaderboard(u.alice.claims)).me).toEqual({ rank: 3, xp: 100, optedIn: true });
    expect((await weeklyLeaderboard(u.carol.claims)).me).toEqual({ rank: null, xp: 1000, optedIn: false });
    expect((await weeklyLeaderboard(u.frank.claims)).me).toEqual({ rank: null, xp: 0, optedIn: true });
  });

  it('never shows an email address or a full last name', async () => {
    const text = JSON.stringify(await weeklyLeaderboard(u.dave.claims));
    expect(text).not.toContain('@');
    expect(text).not.toContain('Smith');
    expect(text).not.toContain('Wonderland');
  });

  it('limits the board, capped at 100', async () => {
    expect((await weeklyLeaderboard(u.alice.claims, 2)).entries.map((e) => e.rank)).toEqual([1, 2]);
    const capped = await tryAs(u.alice.claims, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from public.weekly_leaderboard(100000)`),
    );
    expect(capped).toEqual({ ok: true, value: [{ n: 4 }] });
  });

  it('is an RPC for signed-in learners only; its helpers are not callable', async () => {
    const rpc = sql`select * from public.weekly_leaderboard()`;
    expect((await tryAs(null, (tx) => tx.execute(rpc))).ok).toBe(false);
    expect((await tryAs(null, (tx) => tx.execute(sql`select * from public.my_weekly_rank()`))).ok).toBe(false);
    expect((await tryAs(u.bob.claims, (tx) => tx.execute(rpc))).ok).toBe(true);
    expect((await tryAs(u.bob.claims, (tx) => tx.execute(sql`select * from private.weekly_standings()`))).ok).toBe(false);
    // The ledger itself stays private: the board is the only way to see others' XP.
    const ledger = await tryAs(u.bob.claims, (tx) => tx.select().from(xpLedger).where(eq(xpLedger.userId, u.alice.id)));
    expect(ledger).toEqual({ ok: true, value: [] });
  });

  describe('GET /api/leaderboard', () => {
    it('answers 401 without a session', async () => {
      expect((await call(leaderboardRoute, { path: '/api/leaderboard' })).status).toBe(401);
    });

    it('returns the board and the caller’s line', async () => {
      const { status, json } = await call(leaderboardRoute, { path: '/api/leaderboard?limit=3', bearer: await tokenFor(u.bob) });
      expect(status).toBe(200);
      expect(json).toMatchObject({ success: true, me: { rank: 2, xp: 100, optedIn: true }, weekStartsAt: expect.any(String) });
      expect(json.entries).toHaveLength(3);
      expect(json.entries[1]).toEqual({ rank: 2, displayName: 'Bob', xp: 100, isMe: true });
    });

    it.each(['0', '101', 'abc', '2.5', ''])('answers 400 naming limit for limit=%s', async (limit) => {
      const { status, json } = await call(leaderboardRoute, { path: `/api/leaderboard?limit=${limit}`, bearer: await tokenFor(u.bob) });
      expect(status).toBe(400);
      expect(json.error).toMatchObject({ code: 'VALIDATION_ERROR', fields: { limit: expect.any(Array) } });
    });
  });
});
