#!/usr/bin/env node
// The installed command. It exists before the first build, so `pnpm install` can link it; the
// program itself is compiled to dist/.
import { existsSync } from 'node:fs';

const bin = new URL('../dist/bin.js', import.meta.url);
if (existsSync(bin)) await import(bin.href);
else {
  process.stderr.write('gongwen: not built yet; run `pnpm build` in the repository first\n');
  process.exitCode = 70;
}
