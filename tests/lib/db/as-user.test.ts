import { sql } from 'drizzle-orm';
import { afterCommit, asService, asUser, InvalidClaimsError, queryRows, readAsUser, withRequestTransaction, type JwtClaims } from '@/lib/db';
import { usesPreparedStatements } from '@/lib/db/connection';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestUser } from '../../support/fixtures';
import { testDatabasePort, writesPerRun } from '../../support/socket-writes';

describe('asUser and asService', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const whoAmI = sql`select current_user::text as db_role, auth.uid()::text as uid, auth.role() as jwt_role`;
  type WhoAmI = { db_role: string; uid: string | null; jwt_role: string | null };

  it('runs a signed-in caller as authenticated with their claims, as Supabase does', async () => {
    const user = await createTestUser();
    const [row] = await asUser(user.claims, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(row).toEqual({ db_role: 'authenticated', uid: user.id, jwt_role: 'authenticated' });
  });

  it('runs a caller without claims as anon', async () => {
    const [row] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(row).toEqual({ db_role: 'anon', uid: null, jwt_role: 'anon' });
  });

  it('runs named jobs as service_role', async () => {
    const [row] = await asService('test-job', (tx) => queryRows<WhoAmI & { job: string }>(tx, sql`select current_user::text as db_role, auth.jwt() ->> 'job' as job`));
    expect(row).toEqual({ db_role: 'service_role', job: 'test-job' });
  });

  it('does not leak one request’s identity into the next transaction', async () => {
    const user = await createTestUser();
    await asUser(user.claims, (tx) => queryRows(tx, whoAmI));
    const [after] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(after?.uid).toBeNull();
    const outside = await database.connection.withSession((s) =>
      s.query<{ role: string; claims: string | null }>(
        "select current_user::text as role, nullif(current_setting('request.jwt.claims', true), '') as claims",
      ),
    );
    expect(outside[0]?.claims ?? null).toBeNull();
    expect(outside[0]?.role).not.toBe('authenticated');
  });

  it.each([
    ['a service_role claim', { sub: '00000000-0000-4000-8000-000000000000', role: 'service_role' }],
    ['a missing subject', { role: 'authenticated' }],
    ['a subject that is not a uuid', { sub: "x'; drop table quests; --", role: 'authenticated' }],
    ['an unknown app role', { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated', app_metadata: { role: 'root' } }],
  ])('refuses claims with %s', async (_label, claims) => {
    await expect(asUser(claims as unknown as JwtClaims, async () => 'ran')).rejects.toBeInstanceOf(InvalidClaimsError);
  });

  it('rolls the whole transaction back when the work fails', async () => {
    const user = await createTestUser();
    await expect(
      asUser(user.claims, async (tx) => {
        await tx.execute(sql`update public.profiles set full_name = 'Half written' where id = ${user.id}`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await asUser(user.claims, (tx) =>
      queryRows<{ full_name: string }>(tx, sql`select full_name from public.profiles where id = ${user.id}`),
    );
    expect(row?.full_name).not.toBe('Half written');
  });

  it('runs the first statement as the caller even though the role is set without waiting (pipelined)', async () => {
    const users = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    // Many transactions at once, each sending its first statement in the same tick as set_config:
    // none may run it as the connection's own role or with another caller's claims.
    const rows = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const user = users[i % users.length]!;
        return asUser(user.claims, (tx) => queryRows<WhoAmI>(tx, whoAmI)).then(([row]) => ({ row, id: user.id }));
      }),
    );
    for (const { row, id } of rows) expect(row).toEqual({ db_role: 'authenticated', uid: id, jwt_role: 'authenticated' });
  });

  it('reports a failed first statement and rolls back, without running the work as another role', async () => {
    const user = await createTestUser();
    await expect(asUser(user.claims, (tx) => queryRows(tx, sql`select no_such_column from public.profiles`))).rejects.toThrow();
    const [row] = await asUser(user.claims, (tx) => queryRows<WhoAmI>(tx, whoAmI));
    expect(row?.uid).toBe(user.id);
  });

  describe('withRequestTransaction', () => {
    const transactionId = sql`select txid_current()::text as id`;
    const txid = async (claims: JwtClaims | null) => (await asUser(claims, (tx) => queryRows<{ id: string }>(tx, transactionId)))[0]?.id;
    // PGlite has one connection and nothing to save: there every call keeps its own transaction.
    const sharing = () => database.connection.kind === 'postgres';

    it('shares one transaction among the asUser calls of the same caller (PostgreSQL)', async () => {
      const user = await createTestUser();
      const seen = await withRequestTransaction(user.claims, async () => {
        const a = await txid(user.claims);
        const [b, c] = await Promise.all([txid(user.claims), txid(user.claims)]);
        const [who] = await asUser(user.claims, (tx) => queryRows<WhoAmI>(tx, whoAmI));
        return { a, b, c, who };
      });
      expect(seen.a).toBeDefined();
      expect(seen.b === seen.a && seen.c === seen.a).toBe(sharing());
      expect(seen.who).toEqual({ db_role: 'authenticated', uid: user.id, jwt_role: 'authenticated' });
    });

    it('gives another caller, anon and service jobs transactions of their own, after ending the shared one', async () => {
      const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
      const seen = await withRequestTransaction(user.claims, async () => {
        const mine = await txid(user.claims);
        const [theirs] = await asUser(other.claims, (tx) =>
          queryRows<{ id: string; uid: string }>(tx, sql`select txid_current()::text as id, auth.uid()::text as uid`),
        );
        const [anon] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
        const job = await asService('test-job', (tx) => queryRows<{ id: string }>(tx, transactionId));
        // The shared transaction has ended: the caller's next read opens a new one.
        const again = await txid(user.claims);
        return { mine, theirs, anon, job: job[0]?.id, again };
      });
      expect(seen.theirs?.id).not.toBe(seen.mine);
      expect(seen.theirs?.uid).toBe(other.id);
      expect(seen.anon?.db_role).toBe('anon');
      expect(seen.job).not.toBe(seen.mine);
      expect(seen.again).not.toBe(seen.mine);
    });

    it('keeps a small pool serving when many requests each need a service job too', async () => {
      // The test pool has 4 connections. Each request holds its shared transaction until its
      // service job asks for a connection; were it kept, 12 at once would wait on each other.
      const users = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
      const started = Date.now();
      const results = await Promise.all(
        users.map((user) =>
          withRequestTransaction(user.claims, async () => {
            await txid(user.claims);
            const [row] = await asService('test-job', (tx) => queryRows<{ ok: number }>(tx, sql`select 1 as ok`));
            return row?.ok;
          }),
        ),
      );
      expect(results).toEqual(users.map(() => 1));
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    // Needs a second connection: PGlite's single one cannot nest transactions at all.
    const onPostgres = process.env.TEST_DATABASE_URL ? it : it.skip;

    onPostgres('lets a service job run inside a call on the shared transaction', async () => {
      const user = await createTestUser();
      const nested = await withRequestTransaction(user.claims, () =>
        asUser(user.claims, async () => (await asService('test-job', (tx) => queryRows<{ ok: number }>(tx, sql`select 1 as ok`)))[0]?.ok),
      );
      expect(nested).toBe(1);
    });

    it('runs afterCommit callbacks of shared calls once the shared transaction commits, and drops them on failure', async () => {
      const user = await createTestUser();
      const calls: string[] = [];
      await withRequestTransaction(user.claims, async () => {
        await asUser(user.claims, async () => afterCommit(() => calls.push('committed')));
        // Shared: not before the request's transaction commits. PGlite: the call's own commit.
        expect(calls).toEqual(sharing() ? [] : ['committed']);
      });
      expect(calls).toEqual(['committed']);
      await expect(
        withRequestTransaction(user.claims, async () => {
          await asUser(user.claims, async () => afterCommit(() => calls.push('rolled back')));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(calls).toEqual(sharing() ? ['committed'] : ['committed', 'rolled back']);
    });

    it('rolls back what the request wrote when it fails (PostgreSQL)', async () => {
      const user = await createTestUser();
      await expect(
        withRequestTransaction(user.claims, async () => {
          await asUser(user.claims, (tx) => tx.execute(sql`update public.profiles set full_name = 'Request half done' where id = ${user.id}`));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const [row] = await asUser(user.claims, (tx) => queryRows<{ full_name: string }>(tx, sql`select full_name from public.profiles where id = ${user.id}`));
      expect(row?.full_name === 'Request half done').toBe(!sharing());
    });

    it('is not joined once it has ended (a body read later opens its own transaction)', async () => {
      const user = await createTestUser();
      let later!: Promise<string | undefined>;
      const inside = await withRequestTransaction(user.claims, async () => {
        // A timer set inside the request runs in its async context, as a stream pulled later would.
        later = new Promise((resolve, reject) => setTimeout(() => txid(user.claims).then(resolve, reject), 50));
        return txid(user.claims);
      });
      const after = await later;
      expect(after).toBeDefined();
      expect(after).not.toBe(inside);
    });
  });

  describe('readAsUser (one statement in a transaction of its own)', () => {
    it('reads as the caller, with RLS', async () => {
      const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
      const [row] = await readAsUser<WhoAmI>(user.claims, whoAmI);
      expect(row).toEqual({ db_role: 'authenticated', uid: user.id, jwt_role: 'authenticated' });
      const theirs = await readAsUser<{ id: string }>(user.claims, sql`select id from public.profiles where id = ${other.id}`);
      expect(theirs).toEqual([]);
    });

    it('refuses bad claims, and leaves nothing open when its statement fails', async () => {
      const user = await createTestUser();
      await expect(readAsUser({ role: 'service_role' } as unknown as JwtClaims, whoAmI)).rejects.toBeInstanceOf(InvalidClaimsError);
      await expect(readAsUser(user.claims, sql`select no_such_column from public.profiles`)).rejects.toThrow();
      // The pool's connections are clean afterwards: every later call runs as its own caller.
      const rows = await Promise.all(Array.from({ length: 8 }, () => readAsUser<WhoAmI>(user.claims, whoAmI)));
      for (const [row] of rows) expect(row?.uid).toBe(user.id);
      const [anon] = await asUser(null, (tx) => queryRows<WhoAmI>(tx, whoAmI));
      expect(anon?.uid).toBeNull();
    });

    const onPostgresOnly = process.env.TEST_DATABASE_URL ? it : it.skip;
    onPostgresOnly('sends the whole transaction in one network write', async () => {
      const user = await createTestUser();
      await readAsUser(user.claims, whoAmI); // prepares the statements on a connection
      const counts = await writesPerRun(testDatabasePort(), 4, () => readAsUser(user.claims, whoAmI));
      // Once the connection it lands on has prepared them, BEGIN to COMMIT is one write.
      expect(Math.min(...counts)).toBe(1);
    });
  });

  const onPostgresOnly = process.env.TEST_DATABASE_URL ? it : it.skip;
  onPostgresOnly('sends BEGIN, the role and the first statement of a transaction in one network write', async () => {
    const user = await createTestUser();
    const work = (tx: Parameters<Parameters<typeof asUser>[1]>[0]) => queryRows<WhoAmI>(tx, whoAmI);
    await asUser(user.claims, work); // prepares the statements on a connection
    const counts = await writesPerRun(testDatabasePort(), 4, async () => {
      const [row] = await asUser(user.claims, work);
      expect(row?.uid).toBe(user.id);
    });
    // BEGIN + role and claims + the statement, then COMMIT.
    expect(Math.min(...counts)).toBe(2);
  });

  it('prepares statements except on a transaction pooler, unless told otherwise', () => {
    expect(usesPreparedStatements('postgres://postgres@127.0.0.1:5432/app')).toBe(true);
    expect(usesPreparedStatements('postgres://postgres@db.example.co/app')).toBe(true);
    expect(usesPreparedStatements('postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres')).toBe(false);
    expect(usesPreparedStatements('postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres', true)).toBe(true);
    expect(usesPreparedStatements('postgres://postgres@127.0.0.1:5432/app', false)).toBe(false);
  });
});
