import { builtinModules } from 'node:module';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserReplacements, bundleEngine, packageDir } from '../scripts/engine-bundle.mjs';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('the engine bundle for a browser', () => {
  it('builds for a browser target and reaches no Node built-in', async () => {
    // esbuild fails a browser build on any built-in it cannot replace; the metafile shows what was reached.
    const result = await bundleEngine({ write: false, minify: false });
    expect(result.errors).toEqual([]);
    const inputs = Object.entries(result.metafile!.inputs);
    // Left as imports: only the Buffer global esbuild injects and pdf.js's import of a URL computed at run time.
    const allowedExternal = (path: string) => path === '<runtime>' || path.endsWith('/scripts/buffer-global.mjs');
    const reached = inputs.flatMap(([file, input]) =>
      input.imports.filter((i) => builtins.has(i.path) || (i.external && !allowedExternal(i.path))).map((i) => `${file} → ${i.path}`),
    );
    expect(reached).toEqual([]);
    // gongwen's own packages are there, from their browser entries, and none of their files names a Node module.
    const own = inputs.map(([file, input]) => [resolve(packageDir, file), input] as const).filter(([file]) => /\/packages\/[^/]+\/src\//.test(file));
    const ownNames = new Set(own.map(([file]) => file.match(/\/packages\/([^/]+)\/src\//)![1]));
    for (const p of ['schema', 'model', 'compose', 'lint', 'render-text', 'render-pdf', 'render-docx', 'render-html', 'render-ofd', 'import', 'fonts', 'gongwen']) expect(ownNames).toContain(p);
    expect(own.map(([f]) => relative(packageDir, f))).not.toContain('../fonts/src/resolve-fonts.ts');
    const replaced = Object.keys(browserReplacements);
    const namingNode = own.flatMap(([file, input]) =>
      input.imports.filter((i) => builtins.has(i.original ?? i.path) || replaced.includes((i.original ?? i.path).replace(/^node:/, ''))).map((i) => `${file} → ${i.original ?? i.path}`),
    );
    expect(namingNode).toEqual([]);
  });
});
