/**
 * What the learner is told about offline progress: how many events wait on this device, whether
 * they are being sent, and how the last sync ended. A tiny store the status line subscribes to.
 */
export type SyncStatus =
  | { state: 'idle'; pending: number }
  | { state: 'queued'; pending: number }
  | { state: 'syncing'; pending: number }
  | { state: 'synced'; pending: number; applied: number }
  | { state: 'failed'; pending: number; message: string };

let status: SyncStatus = { state: 'idle', pending: 0 };
const listeners = new Set<() => void>();

export const syncStatus = () => status;
export function setSyncStatus(next: SyncStatus) {
  status = next;
  for (const listener of listeners) listener();
}
export function subscribeSyncStatus(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sent on window when queued events reached the server, so an open player can reload its data. */
export const PROGRESS_SYNCED_EVENT = 'workfree:progress-synced';
