import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { logger } from '@/lib/observability/logger';

/**
 * Work that must happen only once a transaction has committed: counting business facts for the
 * metrics, which must not count a completion that was rolled back. withRole opens a scope per
 * transaction and runs the scope's callbacks after COMMIT; a rollback drops them.
 */

type Callback = () => void;

const holder = globalThis as typeof globalThis & { __workfreeAfterCommit?: AsyncLocalStorage<Callback[]> };
const scopes = (holder.__workfreeAfterCommit ??= new AsyncLocalStorage<Callback[]>());

/** Runs `transaction` with a fresh callback list and calls the list once it has resolved (committed). */
export async function withAfterCommitScope<T>(transaction: () => Promise<T>): Promise<T> {
  const callbacks: Callback[] = [];
  const result = await scopes.run(callbacks, transaction);
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      // The transaction committed; a failing observer must not turn it into an error response.
      logger().warn({ err: error }, 'after-commit callback failed');
    }
  }
  return result;
}

/**
 * Queues `callback` until the enclosing asUser/asService transaction commits. Outside one there
 * is no commit to wait for (a script's own transaction): the callback is dropped, with a warning,
 * rather than run for work that may still roll back.
 */
export function afterCommit(callback: Callback): void {
  const callbacks = scopes.getStore();
  if (callbacks) callbacks.push(callback);
  else logger().warn('afterCommit outside an asUser/asService transaction: callback dropped');
}

/** The callback list of the transaction whose scope this code runs in, if any. */
export function currentAfterCommitList(): Callback[] | undefined {
  return scopes.getStore();
}

/**
 * Runs `fn` so that its afterCommit callbacks join `list` — for work that runs on a transaction
 * opened elsewhere (lib/db/request-transaction.ts).
 */
export function withAfterCommitList<T>(list: Callback[] | undefined, fn: () => Promise<T>): Promise<T> {
  return list ? scopes.run(list, fn) : fn();
}
