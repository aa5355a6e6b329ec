/** Messages to the service worker (public/sw.js), once it is active; nothing happens without one (dev, old browsers). */
export function tellServiceWorker(message: { type: 'cache-quest' | 'cache-static' | 'forget-quest'; urls?: string[] }) {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}
