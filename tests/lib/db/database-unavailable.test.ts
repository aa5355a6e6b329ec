import net from 'node:net';
import { postgresConnection, useConnection, type DbConnection } from '@/lib/db/connection';
import { asUser, DatabaseUnavailableError } from '@/lib/db';
import { classifyDatabaseError, isDatabaseUnavailable } from '@/lib/db/unavailable';
import { route } from '@/lib/api/route';
import { ok } from '@/lib/api/respond';
import { call } from '../../support/http';

describe('recognising an unreachable database', () => {
  it('knows the SQLSTATEs of a shutdown, a restart and a broken connection', () => {
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    for (const code of ['23505', '42501', '40001', '57014']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
    }
  });

  it('knows socket errors and postgres-js connection codes, wherever Drizzle nested them', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], 'all addresses failed'))).toBe(true);
    for (const code of ['CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'ETIMEDOUT']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
  });

  it('does not blame the database for another service that refused a connection inside a transaction', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    expect(classifyDatabaseError(fetchFailed)).toBe(fetchFailed);
    expect(classifyDatabaseError(refused)).toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe('a request while PostgreSQL cannot be reached', () => {
  let connection: DbConnection | undefined;
  afterEach(async () => {
    useConnection(undefined);
    await connection?.close();
    connection = undefined;
  });
  const handler = route(async () => ok({ rows: await asUser(null, (tx) => tx.execute('select 1')) }));

  async function expect503Within(ms: number) {
    const started = Date.now();
    const { status, json, response } = await call(handler, { path: '/api/quests', headers: { 'x-request-id': 'req-db-down-1' } });
    const elapsed = Date.now() - started;
    expect(status).toBe(503);
    expect(json).toEqual({
      success: false,
      error: { code: 'DATABASE_UNAVAILABLE', message: 'The service is temporarily unavailable; try again in a few seconds' },
    });
    expect(response.headers.get('retry-after')).toBe('5');
    expect(elapsed).toBeLessThan(ms);
    return elapsed;
  }

  it('answers 503 DATABASE_UNAVAILABLE at once when nothing listens on the port', async () => {
    connection = postgresConnection('postgres://postgres@127.0.0.1:6399/none', { max: 2 });
    useConnection(connection);
    await expect503Within(2000);
  });

  it('answers 503 within the 3 s connect timeout when the server accepts but never speaks', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      connection = postgresConnection(`postgres://postgres@127.0.0.1:${port}/none`, { max: 2 });
      useConnection(connection);
      const elapsed = await expect503Within(5000);
      expect(elapsed).toBeGreaterThanOrEqual(2500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('DatabaseUnavailableError across copies of its module', () => {
  it('is recognised by a second copy, as route bundles of a production build hold', () => {
    let OtherCopy: typeof DatabaseUnavailableError | undefined;
    jest.isolateModules(() => {
      OtherCopy = (jest.requireActual('@/lib/db/unavailable') as typeof import('@/lib/db/unavailable')).DatabaseUnavailableError;
    });
    expect(OtherCopy).toBeDefined();
    expect(OtherCopy).not.toBe(DatabaseUnavailableError);
    expect(new OtherCopy!(new Error('down'))).toBeInstanceOf(DatabaseUnavailableError);
    expect(new DatabaseUnavailableError(new Error('down'))).toBeInstanceOf(OtherCopy!);
    expect(new Error('down')).not.toBeInstanceOf(OtherCopy!);
    expect(classifyDatabaseError(new OtherCopy!(new Error('down')))).toBeInstanceOf(DatabaseUnavailableError);
  });
});
