import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { defaultFonts } from 'gongwen';
import { afterAll, describe, expect, it } from 'vitest';
import { fontsKey, forgetStylesKey, stylesKey } from '../src/environment-key.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-environment-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the keys of what a render depends on besides the report', () => {
  it('a style file changed changes the styles key (after forgetting the cached one)', () => {
    const styles = join(dir, 'styles');
    cpSync(new URL('../../../templates/national', import.meta.url), join(styles, 'mine'), { recursive: true });
    const before = stylesKey([styles]);
    expect(stylesKey([styles])).toBe(before);
    expect(stylesKey(undefined)).not.toBe(before);
    const manifest = join(styles, 'mine', 'style.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\n# edited\n`);
    expect(stylesKey([styles])).toBe(before);
    forgetStylesKey();
    expect(stylesKey([styles])).not.toBe(before);
  });

  it('the same font files in two folders give one fonts key; other bytes another', async () => {
    const { fonts } = await defaultFonts({});
    const files = [...new Set(Object.values(fonts as Record<string, readonly { path: string }[]>).flatMap((list) => list.map((f) => f.path)))];
    const a = join(dir, 'fonts-a');
    const b = join(dir, 'fonts-b');
    for (const d of [a, b]) {
      cpSync(files[0]!, join(d, basename(files[0]!)));
      for (const f of files.slice(1)) copyFileSync(f, join(d, basename(f)));
    }
    const keyA = await fontsKey([a]);
    expect(await fontsKey([b])).toBe(keyA);
    const c = join(dir, 'fonts-c');
    cpSync(b, c, { recursive: true });
    // One byte of one font changed: a different font as far as the key is concerned.
    const changed = join(c, basename(files[0]!));
    const bytes = readFileSync(changed);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(changed, bytes);
    expect(await fontsKey([c])).not.toBe(keyA);
  });
});
