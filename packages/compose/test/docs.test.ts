import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpers } from '../src/index.js';
import { elements } from '../src/markup-spec.js';
import { repoRoot, styleNames } from './fixtures.js';

const markupDoc = readFileSync(join(repoRoot, 'packages/compose/MARKUP.md'), 'utf8');

describe('MARKUP.md stays true to the code', () => {
  it('documents every element the parser accepts, and no other', () => {
    const table = markupDoc.slice(markupDoc.indexOf('## Elements'), markupDoc.indexOf('## The view model'));
    const documented = new Set([...table.matchAll(/`<([a-z-]+)[ />`]/g)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual(Object.keys(elements).sort());
  });

  it('documents every helper', () => {
    const section = markupDoc.slice(markupDoc.indexOf('## Helpers'));
    for (const name of Object.keys(helpers)) expect(section, name).toContain(`\`${name} `);
  });
});

it('templates/README.md lists every style', () => {
  const readme = readFileSync(join(repoRoot, 'templates/README.md'), 'utf8');
  for (const name of styleNames) expect(readme, name).toContain(`[\`${name}\`](${name}/README.md)`);
});
