'use client';

import { useEffect } from 'react';
import { tellServiceWorker } from './service-worker';

/**
 * Registers the service worker in production builds (a dev server's changing chunks must not be
 * cached) and sends progress queued offline: on load and whenever the browser is back online.
 * Renders nothing.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) {
      navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(() => {
          // Build assets this page loaded before the worker controlled it, so it also works offline.
          const assets = performance
            .getEntriesByType('resource')
            .map((entry) => entry.name)
            .filter((name) => new URL(name).pathname.startsWith('/_next/static/'));
          tellServiceWorker({ type: 'cache-static', urls: assets });
        })
        .catch(() => undefined);
    }
    // The replay code loads only when it runs: it is not on any page's first-load path.
    const replay = () => void import('@/lib/offline/replay').then((m) => m.replayQueuedProgress()).catch(() => undefined);
    if (navigator.onLine) replay();
    window.addEventListener('online', replay);
    return () => window.removeEventListener('online', replay);
  }, []);
  return null;
}
