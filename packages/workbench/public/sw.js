// Keeps the workbench usable offline once loaded: every file of the page is answered from the cache
// when the network fails, and refreshed in the cache when it answers. Fonts also live in IndexedDB.
const CACHE = 'gongwen-workbench-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.includes('/preview/')) return;
  // Fonts are large and kept in IndexedDB by the page: not cached twice.
  if (url.pathname.includes('/fonts/') && url.pathname.endsWith('.ttf')) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit ?? Response.error())),
  );
});
