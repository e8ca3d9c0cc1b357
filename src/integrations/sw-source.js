/* global self, caches, fetch, PRECACHE, VERSION, BASE, OFFLINE_PAGE */
// The service worker. The build prepends PRECACHE (the shell: hashed assets,
// icons and the first pages), VERSION (a hash of everything cached ahead or
// offered in the offline pack), BASE (the base path) and OFFLINE_PAGE.
// Pages and data: network first, keeping each one fetched (so visited pages
// and the offline pack's files work offline), the cached copy when offline,
// and for a page never fetched the offline page. Hashed assets: cache first.
// Each version has a cache of its own. When a new one activates, the cache
// of the version before it is kept as the offline fallback (the pages read
// during the update and the offline pack stay readable, with the assets they
// were built with) and every older one is deleted.
const CACHE = `zerenzhi-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

/** The versions, oldest first, kept in a cache entry of their own. */
const GENERATIONS = 'zerenzhi:generations';
const GENERATIONS_KEY = `${BASE}__generations`;
const KEPT_VERSIONS = 2;

async function keepRecentVersions() {
  const store = await caches.open(GENERATIONS);
  const stored = await store.match(GENERATIONS_KEY);
  const known = stored ? await stored.json().catch(() => []) : [];
  const versions = [...(Array.isArray(known) ? known : []).filter((v) => v !== VERSION), VERSION].slice(-KEPT_VERSIONS);
  await store.put(GENERATIONS_KEY, new Response(JSON.stringify(versions)));
  const kept = new Set(versions.map((v) => `zerenzhi-${v}`));
  const keys = await caches.keys();
  await Promise.all(
    keys.filter((key) => key.startsWith('zerenzhi-') && !kept.has(key)).map((key) => caches.delete(key)),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(keepRecentVersions().then(() => self.clients.claim()));
});

/** This version's copy, else the previous version's. */
async function cached(request, options) {
  return (await (await caches.open(CACHE)).match(request, options)) ?? caches.match(request, options);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await cached(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
    if (copy) return copy;
    const offline = request.mode === 'navigate' && (await cache.match(OFFLINE_PAGE));
    if (offline) return offline;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // ignoreVary: servers send Vary: Origin, and module imports carry an Origin header the precache requests lacked.
  const copy = await cached(request, { ignoreVary: true });
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  event.respondWith(url.pathname.startsWith(`${BASE}_astro/`) ? cacheFirst(request) : networkFirst(request));
});
