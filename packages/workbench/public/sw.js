// Keeps the workbench usable offline once loaded: every file of the page is answered from the cache
// when the network fails, and refreshed in the cache when it answers. Fonts also live in IndexedDB.
const CACHE = 'gongwen-workbench-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page names its files once it has loaded (those fetched before this worker controlled it
// included), so the first visit is enough to work offline afterwards.
self.addEventListener('message', (event) => {
  const urls = event.data?.type === 'cache' && Array.isArray(event.data.urls) ? event.data.urls : [];
  const own = urls.filter((u) => typeof u === 'string' && keep(new URL(u, location.href)));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await Promise.all(own.map((u) => cache.match(u).then((hit) => hit ?? cache.add(u).catch(() => undefined))));
      event.source?.postMessage({ type: 'cached', count: own.length });
    }),
  );
});

/** Files of the page worth keeping: same origin, not the preview's live file, fonts (IndexedDB has them) left out. */
function keep(url) {
  return url.origin === location.origin && !url.pathname.includes('/preview/') && !(url.pathname.includes('/fonts/') && url.pathname.endsWith('.ttf'));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !keep(url)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
