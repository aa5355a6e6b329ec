import { dequeue, queued } from './queue';
import { PROGRESS_SYNCED_EVENT, setSyncStatus } from './sync-status';

let running: Promise<void> | null = null;

/**
 * Sends the queued events in order. Stops at the first one the network or the server cannot take
 * now (offline again, 5xx, 429, signed out) and keeps it and the rest for the next try; an event
 * the server refuses for good (a 4xx: the step was not done, the progress is gone) is dropped
 * and reported. A resend after a lost response is harmless: the client event id applies once.
 */
export function replayQueuedProgress(): Promise<void> {
  running ??= replay().finally(() => {
    running = null;
  });
  return running;
}

async function replay() {
  let events = await queued();
  if (!events.length) return;
  let applied = 0;
  const progressIds = new Set<string>();
  setSyncStatus({ state: 'syncing', pending: events.length });
  for (const event of events) {
    let response: Response;
    try {
      response = await fetch(event.path, {
        method: event.method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...event.body, clientEventId: event.clientEventId }),
      });
    } catch {
      return finish(applied, progressIds, { state: 'queued', pending: (await queued()).length });
    }
    if (response.status === 401 || response.status === 429 || response.status >= 500) {
      const message = response.status === 401 ? 'Sign in again to sync your offline progress.' : 'The server is busy; offline progress will sync shortly.';
      return finish(applied, progressIds, { state: 'failed', pending: (await queued()).length, message });
    }
    await dequeue(event.seq!);
    progressIds.add(event.progressId);
    if (response.ok) {
      applied += 1;
    } else {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      events = await queued();
      return finish(applied, progressIds, {
        state: 'failed',
        pending: events.length,
        message: `A step saved offline was not accepted: ${body?.error?.message ?? `error ${response.status}`}`,
      });
    }
  }
  finish(applied, progressIds, { state: 'synced', pending: 0, applied });
}

function finish(applied: number, progressIds: Set<string>, status: Parameters<typeof setSyncStatus>[0]) {
  setSyncStatus(status);
  if (progressIds.size) window.dispatchEvent(new CustomEvent(PROGRESS_SYNCED_EVENT, { detail: { progressIds: [...progressIds], applied } }));
}
