import net from 'node:net';

/** The port of TEST_DATABASE_URL's PostgreSQL. */
export function testDatabasePort(): number {
  return Number(new URL(process.env.TEST_DATABASE_URL || 'postgres://x@127.0.0.1:5432/x').port || 5432);
}

/**
 * Runs `fn` `times` times and returns how many socket writes to `port` each run made: how many
 * network writes a piece of database work takes (counted on every socket of the process).
 */
export async function writesPerRun(port: number, times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const original = net.Socket.prototype.write;
  let writes = 0;
  net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
    if (this.remotePort === port) writes += 1;
    return (original as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof original;
  try {
    const counts: number[] = [];
    for (let i = 0; i < times; i++) {
      writes = 0;
      await fn();
      counts.push(writes);
    }
    return counts;
  } finally {
    net.Socket.prototype.write = original;
  }
}
