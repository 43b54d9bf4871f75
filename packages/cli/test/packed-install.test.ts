import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, gongwen, repoDir, tempDir } from './cli-helpers.js';

// The packages as a developer installs them from a registry: packed tarballs installed with plain npm
// into a folder outside the workspace (no pnpm, no workspace links, no patches applied by the package
// manager). What they render must be the workspace's output, byte for byte.
const exampleNames = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();

let app: string;
let packedBin: string;

function packed(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [packedBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GONGWEN_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  app = join(tempDir('gongwen-packed-'), 'app');
  const r = spawnSync(process.execPath, [join(repoDir, 'scripts', 'pack-install.mjs'), app], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // node_modules/.bin/gongwen is a link to @gongwen/cli's bin; run the file it points at with this Node.
  packedBin = join(app, 'node_modules', '@gongwen', 'cli', 'bin', 'gongwen.js');
});

describe('the packages installed from their tarballs with npm', () => {
  it('ship no workspace links and no workspace: ranges', () => {
    const cli = JSON.parse(readFileSync(join(app, 'node_modules', '@gongwen', 'cli', 'package.json'), 'utf8'));
    expect(JSON.stringify(cli.dependencies)).not.toContain('workspace:');
    expect(readdirSync(join(app, 'node_modules'))).not.toContain('.pnpm');
  });

  it('render every example to the same PDF and DOCX bytes as the workspace', () => {
    const ours = tempDir();
    const theirs = tempDir();
    expect(gongwen(['render', examplesDir, '--format', 'pdf,docx', '--out', ours]).code).toBe(0);
    const r = packed(['render', examplesDir, '--format', 'pdf,docx', '--out', theirs], app);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(ours).sort();
    expect(files).toHaveLength(exampleNames.length * 2);
    expect(readdirSync(theirs).sort()).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(ours, f)).equals(readFileSync(join(theirs, f))));
    expect(differing).toEqual([]);

    // and measure their PDFs against GB/T 9704 with the installed `gongwen check`
    const checked = files.filter((f) => f.endsWith('.pdf'));
    const check = packed(['check', ...checked.map((f) => join(theirs, f))], app);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('run the facade README\'s example as written', () => {
    const readme = readFileSync(join(repoDir, 'packages', 'gongwen', 'README.md'), 'utf8');
    const example = /## Use\s+```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'gongwen'");
    copyFileSync(join(examplesDir, 'national-jiaokou-2021.yaml'), join(app, 'report.yaml'));
    // The example reads a seal image; the national example names none, so it is passed and unused.
    copyFileSync(join(repoDir, 'packages', 'render-pdf', 'test', 'fixtures', 'seal.png'), join(app, 'seal.png'));
    writeFileSync(join(app, 'example.mjs'), example!);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const ours = tempDir();
    expect(gongwen(['render', join(examplesDir, 'national-jiaokou-2021.yaml'), '--format', 'pdf,docx', '--out', ours]).code).toBe(0);
    expect(readFileSync(join(app, 'report.pdf')).equals(readFileSync(join(ours, 'national-jiaokou-2021.pdf')))).toBe(true);
    expect(readFileSync(join(app, 'report.docx')).equals(readFileSync(join(ours, 'national-jiaokou-2021.docx')))).toBe(true);
  });
});
