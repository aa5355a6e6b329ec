import 'server-only';
import { DatabaseUnavailableError } from './unavailable';

/**
 * Keeps a request from waiting on a database that has gone away.
 *
 * postgres-js (3.4.x) puts no time limit on its own queues: when PostgreSQL stops while
 * transactions are in flight, queries queued on a transaction's connection can stay pending for
 * good (porsager/postgres#1186), and every later request then waits for a pool slot that never
 * frees. connect_timeout only bounds opening a socket. Measured on a stopped server under 30
 * concurrent transactions, most calls were still pending after 20 s and the pool needed minutes
 * to serve again after the server was back. So the guard bounds waiting at our level:
 *
 * - Acquire deadline: from the call until the transaction's first statement (BEGIN) has
 *   answered. That covers waiting for a pool slot, connecting and BEGIN, never the caller's own
 *   queries, so a legitimately long admin or analytics statement is not cut short. A missed
 *   deadline answers that caller "unavailable" (503). It opens the breaker only when no other
 *   transaction has begun within the deadline either and `ping` (one query on a connection
 *   outside the pool) fails too: a pool that is merely busy with long statements sheds load
 *   without having its in-flight work torn down.
 * - Breaker: the first unavailable error (or a missed acquire deadline) opens it. While open, new
 *   transactions fail at once instead of piling onto a dead pool; after `cooldownMs` one
 *   transaction goes through as a probe, and whatever it ends with other than "unavailable"
 *   closes the breaker again. Opening calls `onOpen`, which replaces the pool: the old one's
 *   connections are destroyed rather than reused, so a slot held by a hung transaction is not
 *   lost for good.
 * - Transactions that were in flight when the breaker opened get `inFlightGraceMs` to settle on
 *   their own (most fail at once with the real cause); the rest are answered as unavailable.
 *   This deadline exists only during an outage, never in normal operation.
 */

export interface BreakerOptions {
  acquireDeadlineMs?: number;
  cooldownMs?: number;
  inFlightGraceMs?: number;
  /** Called when the breaker opens (closed or probing → open). */
  onOpen?: () => void;
  /** Checks the database outside the pool; rejects (within a few seconds) when it cannot be reached. */
  ping?: () => Promise<void>;
  now?: () => number;
}

type State = 'closed' | 'open' | 'probing';

interface InFlight {
  abandon(error: DatabaseUnavailableError): void;
}

export class DatabaseBreaker {
  private state: State = 'closed';
  private openedAt = 0;
  /** When a transaction last got its first statement answered: proof the database is alive. */
  private lastBegunAt = Number.NEGATIVE_INFINITY;
  private readonly inFlight = new Set<InFlight>();
  private readonly acquireDeadlineMs: number;
  private readonly cooldownMs: number;
  private readonly inFlightGraceMs: number;
  private readonly onOpen: () => void;
  private readonly ping?: () => Promise<void>;
  private pinging = false;
  private readonly now: () => number;

  constructor(options: BreakerOptions = {}) {
    // 4 s leaves room for the 3 s connect timeout and still answers within the ~5 s the 503
    // contract promises.
    this.acquireDeadlineMs = options.acquireDeadlineMs ?? 4000;
    this.cooldownMs = options.cooldownMs ?? 1500;
    this.inFlightGraceMs = options.inFlightGraceMs ?? 1000;
    this.onOpen = options.onOpen ?? (() => {});
    this.ping = options.ping;
    this.now = options.now ?? Date.now;
  }

  get status(): State {
    return this.state;
  }

  /**
   * Runs `transaction`, which must call `begun()` once its first statement (BEGIN) has answered
   * — it throws when the caller was already answered, and then nothing may commit — and must
   * reject with DatabaseUnavailableError when the database cannot be reached. One that sends its
   * work along with BEGIN calls `wanted()` first, once it holds a connection: its work never
   * starts for a caller already answered.
   */
  run<T>(transaction: (begun: () => void, wanted: () => void) => Promise<T>): Promise<T> {
    let probe: boolean;
    try {
      probe = this.admit();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const entry: InFlight = {
        abandon: (error) => finish(() => reject(error)),
      };
      const acquireTimer = setTimeout(() => {
        // A probe that cannot even begin means the database is still away (its pool is fresh).
        if (probe) this.trip();
        else if (this.now() - this.lastBegunAt >= this.acquireDeadlineMs) this.suspectOutage();
        entry.abandon(unavailable(`no database connection within ${this.acquireDeadlineMs} ms`));
      }, this.acquireDeadlineMs);
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(acquireTimer);
        this.inFlight.delete(entry);
        settle();
      };
      this.inFlight.add(entry);

      const begun = () => {
        this.lastBegunAt = this.now();
        // Already answered 503: the caller's work must not run (and commit) after all, so the
        // transaction is rolled back before it starts.
        if (settled) throw unavailable('the transaction began after its caller had been answered');
        clearTimeout(acquireTimer);
      };
      // For a transaction whose BEGIN travels with its first statements: called once it holds a
      // connection, before its work starts; throws when the caller was answered meanwhile.
      const wanted = () => {
        if (settled) throw unavailable('the transaction got a connection after its caller had been answered');
      };
      transaction(begun, wanted).then(
        (value) => {
          if (probe) this.close();
          finish(() => resolve(value));
        },
        (error: unknown) => {
          // A caller already answered (abandoned) says nothing new about the database: its late
          // error is often the refusal from begun() above.
          if (settled) return;
          if (error instanceof DatabaseUnavailableError) this.trip();
          else if (probe) this.close(); // the database answered, even if it said no
          finish(() => reject(error));
        },
      );
    });
  }

  /** Whether this call may go ahead, and whether it is the probe; throws when the breaker is open. */
  private admit(): boolean {
    if (this.state === 'closed') return false;
    if (this.state === 'open' && this.now() - this.openedAt >= this.cooldownMs) {
      this.state = 'probing';
      return true;
    }
    throw unavailable('the database was unreachable moments ago; not trying again yet');
  }

  /** Nothing has begun for a while: open at once, or only once a ping outside the pool fails. */
  private suspectOutage(): void {
    if (!this.ping) return this.trip();
    if (this.pinging) return;
    this.pinging = true;
    this.ping().then(
      () => (this.pinging = false),
      () => {
        this.pinging = false;
        this.trip();
      },
    );
  }

  private close(): void {
    this.state = 'closed';
  }

  private trip(): void {
    if (this.state === 'open') return;
    this.state = 'open';
    this.openedAt = this.now();
    const stranded = [...this.inFlight];
    if (stranded.length) {
      const timer = setTimeout(() => {
        for (const entry of stranded) entry.abandon(unavailable('the database went away during the transaction'));
      }, this.inFlightGraceMs);
      timer.unref?.();
    }
    this.onOpen();
  }
}

function unavailable(reason: string): DatabaseUnavailableError {
  return new DatabaseUnavailableError(Object.assign(new Error(reason), { code: 'DATABASE_BREAKER' }));
}
