import net from 'node:net';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { postgresConnection, useConnection, type DbConnection } from '@/lib/db/connection';
import { asService, asUser, DatabaseUnavailableError, queryRows, type Tx } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * PostgreSQL going away while transactions are in flight. The shared test server must keep
 * running for other test files, so the outage is staged in front of it: the app reaches the test
 * database through a TCP relay, and "stopping the server" terminates the database's backends
 * (they get 57P01, as on `pg_ctl stop -m fast`) and closes the relay, so new connections are
 * refused. Bringing it back listens on the same port again. Needs TEST_DATABASE_URL.
 */

interface Relay {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    start: listen,
  };
}

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('transactions in flight when PostgreSQL goes away', () => {
  let database: TestDatabase;
  let relay: Relay;
  let connection: DbConnection;
  let admin: postgres.Sql;
  let name: string;
  const POOL_MAX = 3;

  beforeAll(async () => {
    database = await createTestDatabase();
    const [row] = await asService('test', (tx) => queryRows<{ name: string }>(tx, sql`select current_database() as name`));
    name = row!.name;
    const base = new URL(process.env.TEST_DATABASE_URL!);
    admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    relay = await startRelay({ host: base.hostname, port: Number(base.port || 5432) });
    const viaRelay = new URL(base.toString());
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    viaRelay.pathname = `/${name}`;
    connection = postgresConnection(viaRelay.toString(), { max: POOL_MAX });
    useConnection(connection);
  });

  afterAll(async () => {
    await connection?.close();
    await relay?.stop();
    await admin?.end();
    await database?.drop();
  });

  async function stopDatabase() {
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    await relay.stop();
  }

  const work = async (tx: Tx) => {
    await tx.execute(sql`select pg_sleep(0.05)`);
    await tx.execute(sql`select 1`);
    await tx.execute(sql`select pg_sleep(0.05)`);
    return 'ok';
  };

  async function timed(i: number): Promise<{ ms: number; outcome: string }> {
    const started = Date.now();
    try {
      await (i % 2 ? asService('outage-test', work) : asUser(null, work));
      return { ms: Date.now() - started, outcome: 'ok' };
    } catch (error) {
      return { ms: Date.now() - started, outcome: error instanceof DatabaseUnavailableError ? 'unavailable' : String(error) };
    }
  }

  /**
   * postgres-js 3.4.9 sometimes throws from a timer when a connection closes mid-write
   * ("Cannot read properties of null (reading 'write')" in connection.js nextWrite): a driver bug
   * outside any request. Next.js logs such errors and keeps serving; Jest would fail whichever test
   * is running. So, for this test only, those (and only those) are collected instead; anything else
   * still fails the test.
   */
  function toleratingDriverWriteRace() {
    const saved = process.listeners('uncaughtException');
    const others: unknown[] = [];
    let driverRaces = 0;
    const listener = (error: unknown) => {
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      if (error instanceof TypeError && /reading 'write'/.test(error.message) && /postgres[\\/].*connection\.js/.test(stack)) driverRaces += 1;
      else others.push(error);
    };
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', listener);
    return {
      restore: () => {
        process.removeListener('uncaughtException', listener);
        for (const l of saved) process.on('uncaughtException', l);
        return { driverRaces, others };
      },
    };
  }

  it('answers every call within 5 s while it is down, then serves from a full pool once it is back', async () => {
    const tolerance = toleratingDriverWriteRace();
    try {
      await outageAndRecovery();
    } finally {
      const { others } = tolerance.restore();
      expect(others).toEqual([]);
    }
  });

  async function outageAndRecovery() {
    await expect(Promise.all(Array.from({ length: 10 }, (_, i) => timed(i)))).resolves.toEqual(
      Array.from({ length: 10 }, () => expect.objectContaining({ outcome: 'ok' })),
    );

    // Thirty transactions in flight on a pool of three, new ones arriving every 20 ms; the
    // database goes away half a second in and stays away.
    const calls: Promise<{ ms: number; outcome: string }>[] = [];
    for (let i = 0; i < 30; i++) calls.push(timed(i));
    const started = Date.now();
    let stopped: Promise<void> | undefined;
    while (Date.now() - started < 3_000) {
      if (!stopped && Date.now() - started > 500) stopped = stopDatabase();
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 0; i < 3; i++) calls.push(timed(calls.length));
    }
    await stopped;
    const outcomes = await Promise.all(calls);
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    expect(slowest).toBeLessThan(5_000);
    expect(outcomes.every((o) => o.outcome === 'ok' || o.outcome === 'unavailable')).toBe(true);
    expect(outcomes.filter((o) => o.outcome === 'unavailable').length).toBeGreaterThan(0);

    // Back: the same connection object serves again within a few seconds, without a restart.
    await relay.start();
    const back = Date.now();
    while ((await timed(0)).outcome !== 'ok') {
      expect(Date.now() - back).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Nothing leaked: fifty transactions succeed and are spread over all three pool connections.
    const pids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        asService(`after-outage-${i}`, async (tx) => {
          const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid, pg_sleep(0.02)`);
          return row!.pid;
        }),
      ),
    );
    expect(pids).toHaveLength(50);
    expect(new Set(pids).size).toBe(POOL_MAX);
    // And the server holds no more sessions for this database than one pool's worth.
    const [count] = await admin<{ sessions: number }[]>`
      select count(*)::int as sessions from pg_stat_activity where datname = ${name}`;
    expect(count?.sessions).toBeLessThanOrEqual(POOL_MAX);
  }

  it('sheds a caller stuck behind a busy pool with 503, and never runs its work once it was answered', async () => {
    // One slot, a 200 ms acquire deadline: the second transaction waits behind the first.
    const viaRelay = new URL(process.env.TEST_DATABASE_URL!);
    viaRelay.pathname = `/${name}`;
    const tight = postgresConnection(viaRelay.toString(), { max: 1, breaker: { acquireDeadlineMs: 200 } });
    useConnection(tight);
    try {
      const holder = asService('hold-the-slot', (tx) => tx.execute(sql`select pg_sleep(0.6)`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const work = jest.fn(async () => 'ran');
      const started = Date.now();
      await expect(asService('behind-it', work)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(Date.now() - started).toBeLessThan(1_000);
      await holder;
      // The waiting transaction began once the slot freed, and was rolled back before the work.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(work).not.toHaveBeenCalled();
      // The pool was only busy, not broken: nothing was torn down and the next call is served.
      expect(tight.breaker?.status).toBe('closed');
      await expect(asService('after', async () => 'served')).resolves.toBe('served');
    } finally {
      useConnection(connection);
      await tight.close();
    }
  });
});
