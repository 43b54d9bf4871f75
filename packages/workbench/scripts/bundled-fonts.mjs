// The open fonts gongwen falls back to (bundledFaces of @gongwen/fonts), as files on this machine,
// with each role's fallback chain as resolveFonts builds it when nothing else is found.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { bundledFaces } from '@gongwen/fonts';
import { packageDir } from './engine-bundle.mjs';

const fontsRequire = createRequire(join(packageDir, 'node_modules', '@gongwen', 'fonts', 'package.json'));

export function bundledFontFiles() {
  const roles = Object.keys(bundledFaces);
  const own = Object.fromEntries(roles.map((role) => {
    const face = bundledFaces[role];
    return [role, join(dirname(fontsRequire.resolve(`${face.pkg}/package.json`)), face.file)];
  }));
  const paths = [...new Set(Object.values(own))];
  // A role's own font, then every other role's, without repeats: the chain resolveFonts makes.
  const chains = Object.fromEntries(roles.map((role) => [role, [...new Set([own[role], ...roles.map((r) => own[r])])].map((p) => basename(p))]));
  return { chains, paths };
}
