// Serves the built workbench (dist/) from a local HTTP server: for `gongwen preview`, the tests
// and the benchmark. With `report`, the page opens that file and reloads it when it changes on disk.
import { watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built page: index.html, its assets, the engine bundle and the open fonts. */
export const workbenchDir = fileURLToPath(new URL('./dist/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export async function serveWorkbench(options = {}) {
  const root = options.root ?? workbenchDir;
  const report = options.report;
  // Fonts of this machine, served in place of the page's own: the page then renders what `gongwen render` does here.
  const fonts = options.fonts ? machineFonts(options.fonts) : undefined;
  const clients = new Set();
  let watcher;
  if (report) {
    let timer;
    watcher = watch(report, () => {
      // Editors write a file in several steps: tell the page once they are done.
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const res of clients) res.write(`event: change\ndata: ${Date.now()}\n\n`);
      }, 50);
    });
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      if (url.pathname === '/preview/report') {
        if (!report) return send(res, 404, 'text/plain; charset=utf-8', 'no report');
        const text = await readFile(report, 'utf8');
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ name: basename(report), text }), { 'cache-control': 'no-store' });
      }
      if (url.pathname === '/preview/events') {
        if (!report) return send(res, 404, 'text/plain; charset=utf-8', 'no report');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (fonts && url.pathname === '/fonts/manifest.json') {
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(fonts.manifest), { 'cache-control': 'no-store' });
      }
      if (fonts && url.pathname.startsWith('/fonts/')) {
        const file = fonts.files.get(decodeURIComponent(url.pathname.slice('/fonts/'.length)));
        if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
        const body = await readFile(file);
        return send(res, 200, 'font/ttf', req.method === 'HEAD' ? '' : body, { 'cache-control': 'no-store', 'content-length': String(body.length) });
      }
      const path = decodeURIComponent(url.pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(normalize(root.endsWith(sep) ? root : root + sep))) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      const body = await readFile(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      // Fonts and hashed assets never change under their name; the page and the engine may.
      const cache = /\/(assets|fonts)\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(res, 200, type, req.method === 'HEAD' ? '' : body, { 'cache-control': cache, 'content-length': String(body.length) });
    } catch {
      send(res, 500, 'text/plain; charset=utf-8', 'cannot read the file');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}/`;
  return {
    url,
    async close() {
      watcher?.close();
      for (const res of clients) res.end();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The manifest the page reads (each role's chain of file names, the face of a collection) and where each file is. */
function machineFonts(set) {
  const files = new Map();
  const faces = {};
  const nameOf = new Map();
  const chains = {};
  for (const [role, chain] of Object.entries(set)) {
    chains[role] = chain.map((font) => {
      const key = `${font.path}#${font.face ?? ''}`;
      let name = nameOf.get(key);
      if (!name) {
        name = `${font.id}${extname(font.path).toLowerCase() || '.ttf'}`;
        nameOf.set(key, name);
        files.set(name, font.path);
        if (font.face) faces[name] = font.face;
      }
      return name;
    });
  }
  return { manifest: { chains, faces }, files };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}
