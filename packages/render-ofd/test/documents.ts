import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, loadStyle } from '@gongwen/compose';
import { resolveFonts } from '@gongwen/fonts';
import type { Document } from '@gongwen/model';
import { loadReport } from '@gongwen/schema';
import { readStyleFiles, stylesDir } from '@gongwen/templates';
import { unzipSync } from 'fflate';
import { sealPng } from '@gongwen/test-kit/seal-png';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The bundled fonts only, as on a fresh machine: the same fonts wherever the tests run. */
export const fonts = resolveFonts({ systemDirs: [] }).fonts;

/** Every example in `examples/`, composed in its own style: the real reports. */
export function exampleDocuments(): [string, Document][] {
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const { report, diagnostics } = loadReport(readFileSync(join(dir, file), 'utf8'), { filename: file });
      if (!report) throw new Error(`${file} does not load: ${JSON.stringify(diagnostics)}`);
      const name = report.style ?? 'national';
      const { style } = loadStyle(readStyleFiles(join(stylesDir, name)), { name });
      if (!style) throw new Error(`style ${name} does not load`);
      const { document } = composeDocument(report, style);
      if (!document) throw new Error(`${file} does not compose`);
      return [file.replace(/\.yaml$/, ''), document];
    });
}

/** An example signed with a seal per organ and closed by a 版记: the case with pictures and the 版记's rules. */
export function sealedDocument(): Document {
  const [, doc] = exampleDocuments().find(([name]) => name.startsWith('national'))!;
  const seal = sealPng();
  const organs = doc.signature?.organs.length ? doc.signature.organs : [doc.meta.author];
  return {
    ...doc,
    signature: { organs, date: doc.signature?.date ?? '2022年1月9日', seals: organs.map((organ) => ({ image: seal, organ })) },
    endMatter: { copyTo: '抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室。', printer: '交口乡党政办公室', printDate: '2022年1月9日印发' },
  };
}

/** The parts of an OFD package by path. */
export function unpack(ofd: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(ofd)));
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
