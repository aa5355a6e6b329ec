import postgres from 'postgres';
import { pipelinedTransaction, type TransactionHandle } from '@/lib/db/pipelined-transaction';
import { testDatabasePort, writesPerRun } from '../../support/socket-writes';

/**
 * The transaction that sends BEGIN with its first statements (lib/db/pipelined-transaction.ts),
 * straight on postgres-js: one write where postgres-js's begin() takes two, the same outcomes
 * (commit, rollback, savepoints), and a pool that survives a connection killed mid-transaction.
 */
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('pipelinedTransaction', () => {
  const url = process.env.TEST_DATABASE_URL ?? '';
  const port = testDatabasePort();
  let pool: postgres.Sql;
  let admin: postgres.Sql;
  const unsafe = (connection: postgres.ReservedSql, query: string, params?: unknown[], options = {}) =>
    connection.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
  const transaction = <T>(fn: (tx: TransactionHandle) => T | Promise<T>) => pipelinedTransaction(() => pool.reserve(), '', fn, unsafe);
  const table = `pipelined_${process.pid}`;

  beforeAll(async () => {
    pool = postgres(url, { max: 2, prepare: true, onnotice: () => {} });
    admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create table ${table} (id int primary key)`);
  });
  afterAll(async () => {
    await admin.unsafe(`drop table if exists ${table}`);
    // postgres-js waits out the timeout for the connection killed below (it still counts the
    // statement that was in flight), as it would after its own begin().
    await Promise.all([pool.end({ timeout: 1 }), admin.end({ timeout: 5 })]);
  });
  beforeEach(async () => {
    await admin.unsafe(`truncate ${table}`);
  });
  const stored = async () => (await admin.unsafe<{ id: number }[]>(`select id from ${table} order by id`)).map((r) => r.id);

  it('sends BEGIN in the same network write as the first statement', async () => {
    const first = (tx: TransactionHandle) => tx.unsafe('select txid_current() as id, $1::int as n', [1]);
    await transaction(first); // prepares the statement on the connection it lands on
    const counts = await writesPerRun(port, 4, async () => {
      const [row] = await transaction(first);
      expect(row?.n).toBe(1);
    });
    // BEGIN + statement, then COMMIT: two writes (postgres-js's own begin() takes three).
    expect(Math.min(...counts)).toBe(2);
  });

  it('runs its statements inside the transaction and commits them together', async () => {
    const ids = await transaction(async (tx) => {
      const [a] = await tx.unsafe('select txid_current() as id');
      await tx.unsafe(`insert into ${table} values (1), (2)`);
      const [b] = await tx.unsafe('select txid_current() as id');
      return [a?.id, b?.id];
    });
    expect(ids[0]).toBe(ids[1]);
    expect(await stored()).toEqual([1, 2]);
  });

  it('rolls everything back when the work throws, and reports the work’s error', async () => {
    await expect(
      transaction(async (tx) => {
        await tx.unsafe(`insert into ${table} values (1)`);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    await expect(transaction((tx) => tx.unsafe(`insert into ${table} values (2), (2)`))).rejects.toMatchObject({ code: '23505' });
    expect(await stored()).toEqual([]);
  });

  it('reports BEGIN’s own error rather than what it caused', async () => {
    await expect(pipelinedTransaction(() => pool.reserve(), 'isolation level nonsense', (tx) => tx.unsafe('select 1'), unsafe)).rejects.toMatchObject({
      code: '42601',
    });
    // The connection went back to the pool in a usable state.
    await expect(transaction((tx) => tx.unsafe('select 1 as one'))).resolves.toEqual([{ one: 1 }]);
  });

  it('rolls a failed savepoint back to where it began, and the rest commits', async () => {
    await transaction(async (tx) => {
      await tx.unsafe(`insert into ${table} values (1)`);
      await expect(
        tx.savepoint(async (nested) => {
          await nested.unsafe(`insert into ${table} values (2)`);
          throw new Error('nested work failed');
        }),
      ).rejects.toThrow('nested work failed');
      await tx.savepoint((nested) => nested.unsafe(`insert into ${table} values (3)`));
    });
    expect(await stored()).toEqual([1, 3]);
  });

  it('keeps the pool whole when a connection dies mid-transaction', async () => {
    const outcome = transaction(async (tx) => {
      const [{ pid }] = (await tx.unsafe('select pg_backend_pid() as pid')) as unknown as [{ pid: number }];
      await admin`select pg_terminate_backend(${pid})`;
      return tx.unsafe('select 1');
    });
    await expect(outcome).rejects.toThrow();
    // A dead connection given back as open would fail (or crash) the next calls on it.
    const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => transaction((tx) => tx.unsafe('select $1::int as n', [i]))));
    expect(rows.map(([row]) => row?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
