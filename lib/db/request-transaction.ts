import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { currentAfterCommitList, withAfterCommitList } from './after-commit';
import type { JwtClaims } from './claims';
import type { Tx } from './roles';

/**
 * One transaction shared by the reads of a request (lib/db/index.ts withRequestTransaction).
 *
 * It opens on the first asUser call for the request's caller and every later one joins it, so a
 * signed-in read pays for one BEGIN, one set_config and one COMMIT instead of one of each per
 * step. It ends when the request's work is done — or earlier, as soon as the work asks for a
 * transaction of another kind (a service job, anonymous, another caller): the shared one commits
 * first, so it neither holds a second pool connection while the other waits for one (ten such
 * requests would otherwise starve a pool of ten) nor keeps locks the other might need. Calls
 * after that open their own transactions, as without sharing.
 */
export class SharedTransaction {
  private begun?: Promise<{ tx: Tx; afterCommit: (() => void)[] | undefined }>;
  private decide?: (commit: boolean) => void;
  private settled?: Promise<void>;
  private inFlight = 0;
  private drained?: () => void;
  private isOpen = true;

  constructor(
    readonly claims: JwtClaims,
    /** Opens a transaction as the caller and runs `work` in it (asUser without sharing). */
    private readonly openTransaction: (work: (tx: Tx) => Promise<void>) => Promise<void>,
  ) {}

  get open(): boolean {
    return this.isOpen;
  }

  /** Runs `fn` on the shared transaction, opening it on first use. */
  async join<T>(fn: (tx: Tx) => Promise<T>, scope: RequestScope): Promise<T> {
    this.begun ??= new Promise((resolve, reject) => {
      const decided = new Promise<boolean>((r) => (this.decide = r));
      this.settled = this.openTransaction(async (tx) => {
        resolve({ tx, afterCommit: currentAfterCommitList() });
        if (!(await decided)) throw ROLLBACK;
      });
      // Rejects `begun` when the transaction could not start; later failures reach end().
      this.settled.catch(reject);
    });
    this.inFlight += 1;
    try {
      const { tx, afterCommit } = await this.begun;
      return await withAfterCommitList(afterCommit, () => requestScopes.run({ ...scope, inJoin: true }, () => fn(tx)));
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /**
   * Lets no one else join, waits for the calls already on it, then commits (or rolls back).
   * Throws what the commit threw; a rollback's own outcome is nobody's concern.
   */
  async end(commit: boolean): Promise<void> {
    this.isOpen = false;
    if (!this.begun) return;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.decide?.(commit);
    try {
      await this.settled;
    } catch (error) {
      if (commit && error !== ROLLBACK) throw error;
    }
  }
}

const ROLLBACK = new Error('request transaction rolled back');

export interface RequestScope {
  shared: SharedTransaction;
  /** Inside a call running on the shared transaction: it cannot end under its own feet. */
  inJoin: boolean;
}

const holder = globalThis as typeof globalThis & { __workfreeRequestScopes?: AsyncLocalStorage<RequestScope> };
export const requestScopes = (holder.__workfreeRequestScopes ??= new AsyncLocalStorage<RequestScope>());
