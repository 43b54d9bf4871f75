import { beforeAll, describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { render, type RenderOptions, type RenderResult } from 'gongwen';
import { findSoffice, fullReport, jpegOf, libreOfficeText, pdfText } from './helpers.js';
import { png } from '@gongwen/test-kit/images';

/** Every character XML 1.0 forbids that a YAML escape can write, and a lone surrogate. */
const escapes = '\\uFFFE\\u0001\\uFFFF\\x0B\\u001F\\uD800\\b\\0\\x7F';
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const marker = '\u2063';

/** The report with `insert` in the middle of every string value (keys left alone), and how many values that is. */
function everyField(insert: (quoted: boolean) => string): { text: string; count: number } {
  const doc = yaml.parseDocument(fullReport);
  let count = 0;
  yaml.visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const v = node.value;
      const half = Math.ceil([...v].length / 2);
      node.value = [...v].slice(0, half).join('') + marker + [...v].slice(half).join('');
      node.type = 'QUOTE_DOUBLE';
      count++;
    },
  });
  return { text: doc.toString({ lineWidth: 0 }).split(marker).join(insert(true)), count };
}

const formats = ['pdf', 'docx', 'txt', 'md'] as const;
let options: RenderOptions;
let clean: RenderResult;

beforeAll(async () => {
  const seal = png(200, 200);
  const jpeg = jpegOf((await render(fullReport, { formats: ['pdf'], assets: { 'seals/party.png': seal, 'seals/gov.jpg': seal } })).outputs.pdf!);
  options = { filename: 'r.yaml', formats, assets: { 'seals/party.png': seal, 'seals/gov.jpg': jpeg } };
  clean = await render(fullReport, options);
  expect(clean.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

describe('characters XML forbids, in every text field, through every format', () => {
  it('are dropped with one warning per value at its line:col, and every output is the clean report\'s, byte for byte', async () => {
    const { text, count } = everyField(() => escapes);
    expect(count).toBeGreaterThan(40);
    const dirty = await render(text, options);
    expect(dirty.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = dirty.diagnostics.filter((d) => d.ruleId === 'input/forbidden-char');
    // Fifty are listed one by one, then one line says how many more there were.
    expect(warnings).toHaveLength(Math.min(count, 50) + (count > 50 ? 1 : 0));
    const lines = text.split('\n');
    for (const w of warnings) {
      expect(w).toMatchObject({ severity: 'warning', file: 'r.yaml' });
      // The caret is on the value that held them.
      expect(lines[w.line! - 1]!.slice(w.column! - 1)).toMatch(/^"/);
    }
    for (const f of formats) expect(Buffer.from(dirty.outputs[f]!).equals(Buffer.from(clean.outputs[f]!)), f).toBe(true);
  });

  it('written raw into the file (U+FFFE, U+FFFF) are dropped the same way', async () => {
    const { text, count } = everyField(() => '\uFFFE\uFFFF');
    const dirty = await render(text, options);
    expect(dirty.diagnostics.filter((d) => d.ruleId === 'input/forbidden-char')).toHaveLength(Math.min(count, 50) + (count > 50 ? 1 : 0));
    for (const f of formats) expect(Buffer.from(dirty.outputs[f]!).equals(Buffer.from(clean.outputs[f]!)), f).toBe(true);
  });

  it('reach no reader: the text, Markdown and PDF text hold none, and LibreOffice opens the DOCX', async () => {
    const dirty = await render(everyField(() => escapes).text, options);
    // The form feed the text writer puts before each attachment is its own, not the data's.
    expect(dirty.outputs.txt!.replace(/\f/g, '')).not.toMatch(forbidden);
    expect(dirty.outputs.md!.replace(/\f/g, '')).not.toMatch(forbidden);
    // pdftotext ends each page with a form feed.
    const fromPdf = pdfText(dirty.outputs.pdf!).replace(/\f/g, '');
    expect(fromPdf).not.toMatch(forbidden);
    for (const words of ['关于2021年法治政府建设情况的报告', '成立了工作领导小组', '交口乡党政综合办公室']) expect(fromPdf.replace(/\s/g, '')).toContain(words);
    const soffice = findSoffice();
    if (!soffice) {
      if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI');
      console.warn('LibreOffice not found: the DOCX was not opened');
      return;
    }
    const opened = libreOfficeText(soffice, dirty.outputs.docx!)?.replace(/\f/g, '');
    expect(opened, 'LibreOffice could not open the DOCX').toBeDefined();
    expect(opened).not.toMatch(forbidden);
    for (const words of ['成立了工作领导小组', '特此报告', '继续推进法治建设']) expect(opened!.replace(/\s/g, '')).toContain(words);
  });
});
