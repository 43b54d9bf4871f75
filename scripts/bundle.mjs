#!/usr/bin/env node
// Bundles the package in the current folder: each entry point (src/<name>.ts → dist/<name>.js)
// with the package's own modules inlined, and its dependencies left imports, except those named
// with --inline, which are inlined too (a dependency of one package only, spread over many
// CommonJS files). A command starts faster loading one module per package than one per file;
// tsc still checks the types and writes the declarations beside the bundles.
//
//   node ../../scripts/bundle.mjs index [bin worker …] [--inline a,b] [--external c,d] [--stub e,f] [--alias g=h]
//
// --external names packages an inlined dependency imports that must stay shared with other
// packages (one copy per process), e.g. fontkit, which keeps the fonts it has parsed. --stub names
// modules an inlined dependency loads for features gongwen never uses (PDF encryption, SVG, source
// maps of compiled templates): they are replaced by an empty module, so they cost nothing to load.
// --alias points an inlined dependency's import of one module at another (pdfkit's fontkit at the
// fontkit @gongwen/fonts ships).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const listOf = (flag) => {
  const i = args.indexOf(flag);
  if (i < 0) return [];
  const [value] = args.splice(i, 2).slice(1);
  return (value ?? '').split(',').filter(Boolean);
};
const inline = listOf('--inline');
const external = listOf('--external');
const stubs = listOf('--stub');
const aliases = Object.fromEntries(listOf('--alias').map((pair) => pair.split('=')));
const entries = args;
if (!entries.length || entries.some((e) => e.startsWith('-'))) {
  process.stderr.write('usage: bundle.mjs <entry> [entry …] [--inline a,b] [--external c,d] [--stub e,f] [--alias g=h]   (entries: names under src/, without .ts)\n');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
for (const name of inline) {
  if (!dependencies.includes(name)) throw new Error(`--inline ${name}: not a dependency of ${manifest.name}`);
}

await build({
  entryPoints: entries.map((name) => `src/${name}.ts`),
  outdir: 'dist',
  bundle: true,
  // Subpaths of a package named here stay external too.
  external: [...dependencies.filter((d) => !inline.includes(d)), ...external],
  alias: aliases,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'stub',
      setup(b) {
        if (!stubs.length) return;
        const filter = new RegExp(`^(${stubs.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
        b.onResolve({ filter }, (a) => ({ path: a.path, namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: `// ${a.path}: left out of this bundle (scripts/bundle.mjs --stub)\nmodule.exports = {};\n`, loader: 'js' }));
      },
    },
  ],
  // Inlined CommonJS code calls require() and reads __dirname, which an ES module lacks.
  ...(inline.length
    ? {
        banner: {
          js: [
            "import { createRequire as __bundleCreateRequire } from 'node:module';",
            "import { dirname as __bundleDirname } from 'node:path';",
            "import { fileURLToPath as __bundleFileURLToPath } from 'node:url';",
            'const require = __bundleCreateRequire(import.meta.url);',
            'const __filename = __bundleFileURLToPath(import.meta.url);',
            'const __dirname = __bundleDirname(__filename);',
          ].join('\n'),
        },
      }
    : {}),
});
