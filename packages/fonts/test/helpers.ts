import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Document } from '@gongwen/model';

const require = createRequire(import.meta.url);
const pkgDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

export const roboto = join(import.meta.dirname, 'fixtures', 'Roboto-Regular.ttf');
export const notoSans = join(pkgDir('@expo-google-fonts/noto-sans-sc'), '400Regular', 'NotoSansSC_400Regular.ttf');
export const notoSerif = join(pkgDir('@expo-google-fonts/noto-serif-sc'), '400Regular', 'NotoSerifSC_400Regular.ttf');

/** A fresh folder holding links to the given font files, standing for a font folder. */
export function fontFolder(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-fonts-'));
  files.forEach((f, i) => symlinkSync(f, join(dir, `${i}-${f.split('/').pop()}`)));
  return dir;
}

export function documentWith(paragraph: string, heading = '总体情况'): Document {
  return {
    meta: { title: '测试', author: '测试镇人民政府' },
    title: ['测试镇人民政府关于2024年法治政府建设情况的报告'],
    body: [
      { kind: 'heading', level: 1, marker: '一、', text: heading },
      { kind: 'paragraph', runs: [{ text: paragraph }] },
    ],
  };
}

/** A TrueType collection built from single-face files, to test `.ttc` handling without a system font. */
export function makeCollection(files: string[]): string {
  const fonts = files.map((f) => readFileSync(f));
  const header = 12 + 4 * fonts.length;
  let offset = header;
  const parts: Buffer[] = [];
  const head = Buffer.alloc(header);
  head.write('ttcf', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(fonts.length, 8);
  fonts.forEach((font, i) => {
    const copy = Buffer.from(font);
    // table offsets in a collection count from the start of the file
    const numTables = copy.readUInt16BE(4);
    for (let t = 0; t < numTables; t++) copy.writeUInt32BE(copy.readUInt32BE(12 + 16 * t + 8) + offset, 12 + 16 * t + 8);
    head.writeUInt32BE(offset, 12 + 4 * i);
    parts.push(copy);
    offset += copy.length;
  });
  const path = join(mkdtempSync(join(tmpdir(), 'gongwen-ttc-')), 'collection.ttc');
  writeFileSync(path, Buffer.concat([head, ...parts]));
  return path;
}
