import 'server-only';
import { and, eq } from 'drizzle-orm';
import { ApiError } from '@/lib/api/errors';
import type { Tx } from '@/lib/db';
import { progressClientEvents } from '@/lib/db/schema';

/**
 * Exactly-once for offline-queued progress events (contract 4). The player sends a client event
 * id with each queued step move or answer; the outcome is stored in the same transaction as the
 * change, so a replay of that id returns the stored outcome and applies nothing. Call both inside
 * the job's transaction after `loadProgressForUpdate` has locked the progress row: that lock
 * orders two racing sends of one id, and the second one finds the first one's outcome.
 */
export type ClientEventKind = 'progress_update' | 'step_answer';

export interface ClientEvent {
  userId: string;
  clientEventId: string;
  kind: ClientEventKind;
  progressId: string;
}

const reused = () =>
  new ApiError('CONFLICT', 'This clientEventId was already used for another request', {
    clientEventId: ['Send a new id for each queued event'],
  });

/** The stored outcome of this learner's event, or null when it is new. Another learner's ids are never seen. */
export async function storedOutcome<T>(tx: Tx, event: ClientEvent): Promise<T | null> {
  const [row] = await tx
    .select()
    .from(progressClientEvents)
    .where(and(eq(progressClientEvents.userId, event.userId), eq(progressClientEvents.clientEventId, event.clientEventId)));
  if (!row) return null;
  if (row.kind !== event.kind || row.progressId !== event.progressId) throw reused();
  return row.response as T;
}

/** Records the outcome of a new event; an id taken meanwhile (on another progress) refuses the whole change. */
export async function recordOutcome<T extends object>(tx: Tx, event: ClientEvent, outcome: T): Promise<T> {
  const inserted = await tx
    .insert(progressClientEvents)
    .values({ ...event, response: outcome as Record<string, unknown> })
    .onConflictDoNothing()
    .returning({ id: progressClientEvents.clientEventId });
  if (!inserted.length) throw reused();
  return outcome;
}

/** Runs `apply` once per client event id: a replay answers the stored outcome. Without an id, just applies. */
export async function oncePerClientEvent<T extends object>(
  tx: Tx,
  event: Omit<ClientEvent, 'clientEventId'> & { clientEventId?: string },
  apply: () => Promise<T>,
): Promise<T> {
  const { clientEventId } = event;
  if (!clientEventId) return apply();
  const known = { ...event, clientEventId };
  const stored = await storedOutcome<T>(tx, known);
  if (stored) return stored;
  return recordOutcome(tx, known, await apply());
}
