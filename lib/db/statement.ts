import 'server-only';
import type { Tx } from './roles';

interface Prepared<T> {
  execute(values?: Record<string, unknown>): Promise<T>;
}

/**
 * A query whose SQL is built once per process and then run in any transaction with new values.
 *
 * drizzle builds a query's text from its builder on every execution — walking the builder's
 * tree, checking each node's kind — and under load that was several per cent of a request's CPU
 * (bench/README.md). Written with `sql.placeholder(name)` for its values, a query's text,
 * parameter slots and result mapping never change, so drizzle's prepared form of it is kept and
 * each run uses a copy bound to the caller's transaction (drizzle 0.45 keeps the connection a
 * prepared query runs on as its `client`, under both drivers).
 *
 * Statements run in the order they are called, as soon as they are called: unlike a builder,
 * nothing waits for an `await` to start.
 */
export function statement<T>(name: string, build: (tx: Tx) => { prepare(name: string): Prepared<T> }) {
  // One template per driver: a test run may use PGlite and PostgreSQL in one process.
  const templates = new Map<unknown, Prepared<T>>();
  return (tx: Tx, values: Record<string, unknown> = {}): Promise<T> => {
    const { client, constructor: driver } = sessionOf(tx);
    let template = templates.get(driver);
    if (!template) {
      template = build(tx).prepare(name);
      templates.set(driver, template);
    }
    const bound = Object.create(template, { client: { value: client } }) as Prepared<T>;
    return bound.execute(values);
  };
}

function sessionOf(tx: Tx): { client: unknown; constructor: unknown } {
  return (tx as unknown as { session: { client: unknown; constructor: unknown } }).session;
}
