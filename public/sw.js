/*
 * WorkFree's service worker (registered by components/pwa/service-worker-registration.tsx in
 * production). What it keeps:
 *   - the app shell: the /offline page, icons and manifest (precached, signed-out copies);
 *   - /_next/static/*: content-hashed build assets, cache-first;
 *   - the learner's CURRENT quest: its player page and the GET /api/progress/:id the player reads,
 *     one quest at a time, so a reload offline still shows the readable steps.
 * Navigations go to the network first; offline, the current quest's player or the /offline page.
 * Nothing else from /api is cached — never /api/auth/*, /api/admin/*, /api/metrics — and the
 * quest cache is dropped whenever someone signs in or out or changes their account.
 */
const VERSION = 'workfree-sw-v1';
const SHELL_CACHE = `${VERSION}-shell`;
const STATIC_CACHE = `${VERSION}-static`;
const QUEST_CACHE = `${VERSION}-quest`;
const OFFLINE_URL = '/offline';
const SHELL_URLS = [OFFLINE_URL, '/manifest.webmanifest', '/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png'];

const PLAYER_PAGE = /^\/quests\/[a-z0-9-]+\/play\/?$/i;
const PROGRESS_DETAIL = /^\/api\/progress\/[0-9a-f-]{36}$/i;
const NEVER_CACHED = [/^\/api\/auth\//, /^\/api\/admin\//, /^\/api\/metrics/];
// Writes after which the quest cache may belong to someone else or to nobody.
const ACCOUNT_CHANGES = [/^\/api\/auth\//, /^\/api\/me(\/|$)/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // Signed-out copies: the shell must not carry one learner's name into another's session.
      await cache.addAll(SHELL_URLS.map((url) => new Request(url, { credentials: 'omit' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, STATIC_CACHE, QUEST_CACHE]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== 'GET') {
    if (ACCOUNT_CHANGES.some((pattern) => pattern.test(url.pathname))) event.waitUntil(caches.delete(QUEST_CACHE));
    return;
  }
  if (NEVER_CACHED.some((pattern) => pattern.test(url.pathname))) return;

  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(cacheFirst(STATIC_CACHE, request));
  } else if (PROGRESS_DETAIL.test(url.pathname)) {
    event.respondWith(currentQuestNetworkFirst(request, PROGRESS_DETAIL));
  } else if (request.mode === 'navigate') {
    event.respondWith(PLAYER_PAGE.test(url.pathname) ? currentQuestNetworkFirst(request, PLAYER_PAGE) : networkOrOffline(request));
  } else if (SHELL_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(SHELL_CACHE, request));
  }
});

/**
 * The player asks for its quest to be kept ({type: 'cache-quest', urls}) whenever it opens —
 * it may have been reached by a client-side navigation the worker never saw — and for the
 * build assets the page loaded before the worker controlled it ({type: 'cache-static', urls}).
 */
self.addEventListener('message', (event) => {
  const data = event.data || {};
  const urls = Array.isArray(data.urls) ? data.urls.filter((u) => typeof u === 'string') : [];
  const paths = urls.map((u) => new URL(u, self.location.origin)).filter((u) => u.origin === self.location.origin);
  if (data.type === 'cache-quest') {
    event.waitUntil(
      Promise.all(
        paths
          .filter((u) => PLAYER_PAGE.test(u.pathname) || PROGRESS_DETAIL.test(u.pathname))
          .map((u) => fetch(new Request(u.pathname, { credentials: 'same-origin' })).then((response) => keepCurrentQuest(u.pathname, response)).catch(() => undefined)),
      ),
    );
  } else if (data.type === 'cache-static') {
    event.waitUntil(
      caches.open(STATIC_CACHE).then((cache) =>
        Promise.all(
          paths
            .filter((u) => u.pathname.startsWith('/_next/static/'))
            .map(async (u) => {
              if (!(await cache.match(u.pathname))) await cache.add(u.pathname).catch(() => undefined);
            }),
        ),
      ),
    );
  } else if (data.type === 'forget-quest') {
    event.waitUntil(caches.delete(QUEST_CACHE));
  }
});

async function cacheFirst(cacheName, request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: cacheName === SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function networkOrOffline(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE })) || Response.error();
  }
}

/** Online: the network, and the answer becomes the cached current quest. Offline: that cache. */
async function currentQuestNetworkFirst(request, pattern) {
  const path = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    await keepCurrentQuest(path, response.clone(), pattern);
    return response;
  } catch {
    const cached = await caches.match(path, { cacheName: QUEST_CACHE });
    if (cached) return cached;
    if (request.mode === 'navigate') return (await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE })) || Response.error();
    return new Response(
      JSON.stringify({ success: false, error: { code: 'OFFLINE', message: 'You are offline and this quest is not saved on this device.' } }),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
  }
}

/** Stores one quest's page or detail, dropping any other quest's of the same kind: one quest at a time. */
async function keepCurrentQuest(path, response, pattern = PLAYER_PAGE.test(path) ? PLAYER_PAGE : PROGRESS_DETAIL) {
  // A redirect (to sign-in, to the overview) or an error is not the player: keep what we had.
  if (!response.ok || response.redirected || response.type !== 'basic') return;
  const cache = await caches.open(QUEST_CACHE);
  for (const key of await cache.keys()) {
    const keyPath = new URL(key.url).pathname;
    if (pattern.test(keyPath) && keyPath !== path) await cache.delete(key);
  }
  await cache.put(path, response);
}
