import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button-link';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

/**
 * What the service worker shows for a page it cannot fetch while the device is offline. The
 * quest a learner last opened still plays from its cache, and steps they move through are queued.
 */
export default function OfflinePage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6 sm:py-20">
      <h1 className="text-2xl font-bold tracking-tight text-balance">You are offline</h1>
      <p className="mt-3 text-slate-600">
        This page needs a connection. The quest you last opened keeps working offline: open it again to keep reading, and the
        steps you complete are saved on this device and sync when you are back online.
      </p>
      <ButtonLink href="/dashboard" className="mt-6">
        Try again
      </ButtonLink>
    </div>
  );
}
