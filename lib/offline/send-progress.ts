import { ApiRequestError, apiFetch } from '@/lib/api/client';
import { enqueue, queued } from './queue';
import { setSyncStatus } from './sync-status';

/** What the player gets back for an event kept on the device instead of sent. */
export interface QueuedOutcome {
  queued: true;
  clientEventId: string;
}

const isNetworkFailure = (error: unknown) => error instanceof ApiRequestError && error.status === 0;

/**
 * Sends one progress event with a fresh client event id; when the device is offline (or the
 * request cannot reach the server) it is queued on the device instead, to replay when back
 * online. Events already waiting go first: a later move must not overtake an earlier one.
 */
export async function sendOrQueue<T>(progressId: string, path: string, method: 'PUT' | 'POST', body: Record<string, unknown>): Promise<T | QueuedOutcome> {
  const clientEventId = crypto.randomUUID();
  const waiting = typeof indexedDB === 'undefined' ? [] : await queued().catch(() => []);
  if (navigator.onLine && !waiting.length) {
    try {
      return await apiFetch<T>(path, { method, body: { ...body, clientEventId } });
    } catch (error) {
      if (!isNetworkFailure(error) || typeof indexedDB === 'undefined') throw error;
    }
  }
  await enqueue({ clientEventId, progressId, method, path, body, queuedAt: new Date().toISOString() });
  setSyncStatus({ state: 'queued', pending: waiting.length + 1 });
  if (navigator.onLine) void import('./replay').then((m) => m.replayQueuedProgress());
  return { queued: true, clientEventId };
}

export const isQueued = (outcome: unknown): outcome is QueuedOutcome =>
  typeof outcome === 'object' && outcome !== null && (outcome as { queued?: unknown }).queued === true;
