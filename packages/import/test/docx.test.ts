/**
 * Round trip through Word's format: each example rendered to DOCX — as gongwen writes it, and as
 * LibreOffice saves it again (what a typist's Word file looks like after editing) — imports back
 * to data that renders to the same text as the example.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentLines } from '@gongwen/model';
import { renderDocx } from '@gongwen/render-docx';
import { importReport } from '../src/index.js';
import { convertToDocx, findSoffice, importDocument } from '../src/node.js';
import { bodyLines, compose, example, examplesDir, fidelity, seeds, seedsDir, styleFacts } from './helpers.js';

const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();
const hasTable = (file: string) => compose(example(file)).body.some((b) => b.kind === 'table');
/** Every table of a composed document, as the reader sees it: title, header rows, rows, alignment, rules. */
const tablesOf = (file: string | ReturnType<typeof compose>) =>
  (typeof file === 'string' ? compose(example(file)) : file).body.flatMap((b) => (b.kind === 'table' ? [{ title: b.title, header: b.header, rows: b.rows, align: b.align, widths: b.widths, rules: b.rules }] : []));
const soffice = findSoffice();
if (!soffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required on CI for the DOCX round trip');

async function roundTrip(file: string, resave: boolean) {
  const report = example(file);
  const doc = compose(report);
  let { docx } = await renderDocx(doc);
  if (resave) docx = await convertToDocx(soffice!, docx, '.docx');
  const imported = importReport(docx, { filename: file.replace('.yaml', '.docx'), style: styleFacts(report.style) });
  return { doc, imported };
}

describe.each(examples)('%s', (file) => {
  it('renders to DOCX and imports back to the same text', async () => {
    const { doc, imported } = await roundTrip(file, false);
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(documentLines(compose(imported.report!))).toEqual(documentLines(doc));
    // A table comes back as a table: its title, header rows, rows, column alignment and rules.
    if (hasTable(file)) expect(tablesOf(compose(imported.report!))).toEqual(tablesOf(doc));
  });

  it.skipIf(!soffice)('imports back the same text after LibreOffice saves the DOCX again', async () => {
    const { doc, imported } = await roundTrip(file, true);
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(documentLines(compose(imported.report!))).toEqual(documentLines(doc));
    if (hasTable(file)) expect(tablesOf(compose(imported.report!))).toEqual(tablesOf(doc));
  });
});

/**
 * A DOCX typed by hand from a seed's text, as an office's Word file is: no gongwen styles, the
 * part headings in 黑体, the subsection headings bold, every number typed, each paragraph indented
 * with two ideographic spaces where the copy has them.
 */
async function typedDocx(text: string): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, AlignmentType } = await import('docx');
  const paragraphs = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const part = /^[一二三四五六七八九十]+、/.test(line);
      const sub = /^[（(][一二三四五六七八九十]+[）)][^。]*$/.test(line);
      const centred = /报告$/.test(line) && line.length < 40;
      return new Paragraph({
        alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        children: [new TextRun({ text: line, bold: sub, font: { eastAsia: part ? '黑体' : centred ? '方正小标宋简体' : '仿宋_GB2312' }, size: centred ? 44 : 32 })],
      });
    });
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a DOCX typed from a seed with plain Word styling', () => {
  it.each(seeds)('imports $seed with every sentence in order and the example’s part kinds', async ({ seed, example: file }) => {
    const text = readFileSync(join(seedsDir, seed), 'utf8');
    const expected = example(file);
    const imported = importReport(await typedDocx(text), { filename: seed.replace('.txt', '.docx'), style: styleFacts(expected.style) });
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.report!.parts.map((p) => p.kind)).toEqual(expected.parts.map((p) => p.kind));
    const lines = text.split(/\r?\n/).map((l) => l.replace('[bookmark: _GoBack]', '')).filter((l) => !/^作者:.*来源:.*点击数/.test(l.trim()));
    const result = fidelity(lines, compose(imported.report!));
    expect(result.missing).toBeUndefined();
    expect(bodyLines(compose(imported.report!))).toEqual(bodyLines(compose(importReport(text, { filename: seed, style: styleFacts(expected.style) }).report!)));
  });
});

describe.skipIf(!soffice)('.doc and .wps through LibreOffice', () => {
  it('imports a .doc saved by LibreOffice to the same text as the example', async () => {
    const file = 'shaanxi-nanzheng-fazhen-2022.yaml';
    const doc = compose(example(file));
    const { docx } = await renderDocx(doc);
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-doc-'));
    try {
      writeFileSync(join(dir, 'report.docx'), docx);
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', join(dir, 'out'), join(dir, 'report.docx')], { stdio: 'ignore' });
      const bytes = new Uint8Array(readFileSync(join(dir, 'out', 'report.doc')));
      expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
      // A .wps is the same binary family: both go through LibreOffice by their extension.
      for (const name of ['report.doc', 'report.wps']) {
        const imported = await importDocument(bytes, { filename: name, style: styleFacts('shaanxi') });
        expect(imported.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
        expect(documentLines(compose(imported.report!)), name).toEqual(documentLines(doc));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
