'use client';

import { useSyncExternalStore } from 'react';
import { subscribeSyncStatus, syncStatus, type SyncStatus } from '@/lib/offline/sync-status';

const steps = (n: number) => (n === 1 ? '1 step' : `${n} steps`);

function message(status: SyncStatus): string | null {
  switch (status.state) {
    case 'queued':
      return `Saved offline: ${steps(status.pending)} will sync when you are back online.`;
    case 'syncing':
      return `Syncing ${steps(status.pending)} saved offline…`;
    case 'synced':
      return `Synced: ${steps(status.applied)} saved offline ${status.applied === 1 ? 'is' : 'are'} now on your account.`;
    case 'failed':
      return status.message;
    default:
      return null;
  }
}

const idle: SyncStatus = { state: 'idle', pending: 0 };

/** The learner's view of offline progress; a polite live region, so changes are read out. */
export function OfflineSyncStatus() {
  const status = useSyncExternalStore(subscribeSyncStatus, syncStatus, () => idle);
  const text = message(status);
  const tone =
    status.state === 'failed'
      ? 'bg-rose-50 text-rose-900 ring-rose-200'
      : status.state === 'synced'
        ? 'bg-emerald-50 text-emerald-900 ring-emerald-200'
        : 'bg-amber-50 text-amber-900 ring-amber-200';
  return (
    // Always in the page (a live region must exist before it speaks), taking no room while silent.
    <div role="status" aria-live="polite" className={text ? undefined : 'sr-only'}>
      {text ? <p className={`rounded-lg px-4 py-3 text-sm font-medium ring-1 ring-inset ${tone}`}>{text}</p> : null}
    </div>
  );
}
