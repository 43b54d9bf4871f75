#!/usr/bin/env node
// Builds dist/fontkit.cjs of @gongwen/fonts: fontkit's own CommonJS build and its dependencies in
// one module (brotli's decoder excepted: a dependency of @gongwen/fonts, loaded from its own files), with three of them (unicode-properties, unicode-trie, brotli's decoder) replaced by
// the loaders in src/fontkit-lazy/, which load or inflate them on first use, and the whole adapted
// by src/fontkit-adapter.ts. Run in packages/fonts after tsc; the fonts package loads it, and
// render-pdf's bundle points pdfkit at it, so a process has one fontkit and one parse per font.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const here = process.cwd();
const lazyDir = resolve(here, 'src', 'fontkit-lazy');
// fontkit's exports name no package.json: its CommonJS build is dist/main.cjs.
const fontkitMain = createRequire(join(here, 'package.json')).resolve('fontkit');
const fromFontkit = createRequire(fontkitMain);
const lazy = {
  'unicode-properties': join(lazyDir, 'unicode-properties.cjs'),
  'unicode-trie': join(lazyDir, 'unicode-trie.cjs'),
  'brotli/decompress.js': join(lazyDir, 'brotli-decompress.cjs'),
};

await build({
  entryPoints: [join(here, 'src', 'fontkit-bundle.cjs')],
  outfile: join(here, 'dist', 'fontkit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'lazy-fontkit-parts',
      setup(b) {
        const filter = new RegExp(`^(${Object.keys(lazy).map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')}|fontkit)$`);
        b.onResolve({ filter }, (args) => {
          if (args.path === 'fontkit') return { path: fontkitMain };
          // The loaders themselves load the real module, from where fontkit finds it; brotli's
          // decoder (a 1 MB dictionary) stays a module of its own, read only when it is loaded.
          if (args.importer.startsWith(lazyDir)) return args.path.startsWith('brotli') ? { path: args.path, external: true } : { path: fromFontkit.resolve(args.path) };
          return { path: lazy[args.path] };
        });
      },
    },
  ],
});
