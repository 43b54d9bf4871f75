// The engine of the workbench — gongwen's packages as a browser sees them — bundled by esbuild
// for a browser target, as one ES module that runs in a Web Worker. Used by the build and by the
// test that proves the bundle reaches no Node built-in.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const packageDir = join(here, '..');
const require = createRequire(join(packageDir, 'package.json'));
/** Resolves `pkg` as the workspace package `from` (a folder under packages/) sees it. */
const requireFrom = (pkg, from) => createRequire(join(packageDir, '..', from, 'package.json')).resolve(pkg);

/**
 * Node modules that third-party code inside the engine imports, and what a browser gets instead.
 * pdfkit writes to a stream.Readable and uses Buffer; pdfmake listens with EventEmitter; png-js
 * inflates seal images; `fs` is only named for features gongwen never uses (files on disk).
 * Nothing of gongwen's own imports any of them.
 */
export const browserReplacements = {
  stream: require.resolve('readable-stream'),
  events: require.resolve('events/'),
  buffer: require.resolve('buffer/'),
  zlib: join(here, 'zlib-browser.mjs'),
  'browserify-zlib': join(here, 'zlib-browser.mjs'),
  fs: 'empty',
};

/** Stubbed like scripts/bundle.mjs does for the Node build: PDF encryption and SVG, never used. */
const unused = ['@noble/ciphers/aes', '@noble/hashes/sha2', '@noble/hashes/utils', 'xmldoc'];

/**
 * fontkit as @gongwen/fonts ships it (dist/fontkit.cjs, what Node loads once the packages are built),
 * so fonts are measured and subset by the same code in both places.
 */
const fontkitMain = join(packageDir, '..', 'fonts', 'dist', 'fontkit.cjs');
/** pdfmake's Node entry, not its prebuilt browser file: the modules render-pdf installs its hooks on. */
const pdfmakeMain = requireFrom('pdfmake', 'render-pdf');

export const engineEntry = join(packageDir, 'src', 'engine', 'worker.ts');

/**
 * Bundles the engine into `outdir` (engine.js and the chunks it loads when first needed: the
 * GB/T 9704 check with pdf.js, DOCX, OFD, HTML, import); `write: false` keeps the output in memory
 * (the test reads the metafile).
 */
export async function bundleEngine({ outdir = join(packageDir, 'public', 'engine'), write = true, minify = true } = {}) {
  return build({
    entryPoints: { engine: engineEntry },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    write,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome115', 'firefox115', 'safari16'],
    // Our packages from source, through their browser entries.
    conditions: ['browser', '@gongwen/source'],
    minify,
    sourcemap: write ? 'linked' : false,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    inject: [join(here, 'buffer-global.mjs')],
    define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis', __dirname: '"/"' },
    plugins: [
      {
        name: 'browser-replacements',
        setup(b) {
          b.onResolve({ filter: /^fontkit$/ }, () => ({ path: fontkitMain }));
          b.onResolve({ filter: /^pdfmake$/ }, () => ({ path: pdfmakeMain }));
          const names = Object.keys(browserReplacements).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
          b.onResolve({ filter: new RegExp(`^(node:)?(${names.join('|')})$`) }, (a) => {
            const name = a.path.replace(/^node:/, '');
            const to = browserReplacements[name];
            return to === 'empty' ? { path: name, namespace: 'empty' } : { path: to };
          });
          const stubs = new RegExp(`^(${unused.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
          b.onResolve({ filter: stubs }, (a) => ({ path: a.path, namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, (a) => ({ contents: `// ${a.path}: not used in a browser\nmodule.exports = {};\n`, loader: 'js' }));
        },
      },
    ],
  });
}
