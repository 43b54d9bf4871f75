import { readFileSync } from 'node:fs';
import { originAt, type Document } from '@gongwen/model';
import { loadReport } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument, isStyle, loadSeals, picturesOf } from '../src/index.js';
import type { Report } from '@gongwen/schema';
import { style } from './fixtures.js';
import { png } from '@gongwen/test-kit/images';

/** Composes YAML text as the facade does, with the loader's positions. */
function composed(source: string, assets?: Record<string, Uint8Array>): Document {
  const loaded = loadReport(source, { filename: 'r.yaml' });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = composeDocument(loaded.report!, style(loaded.report!.style), { filename: 'r.yaml', locate: loaded.locate, ...(assets ? { assets } : {}) });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.document!;
}

/** Line and column (1-based) of the first `needle` in `text`, as a reader counts them. */
function at(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

const liaoning = readFileSync(new URL('../../../examples/liaoning-zhuanghe-taipingling-2023.yaml', import.meta.url), 'utf8');

describe('Document origins', () => {
  it('put every character of a data value at its own line and column in the YAML', () => {
    const doc = composed(liaoning);
    // A heading written on one line: each character is one column further.
    const heading = '坚持统筹与落实“双保障”，法治建设取得初步成效';
    const path = Object.keys(doc.origins!).find((p) => p.endsWith('.text') && doc.body[Number(/^body\[(\d+)\]/.exec(p)?.[1])]?.kind === 'heading' && (doc.body[Number(/^body\[(\d+)\]/.exec(p)![1])] as { text: string }).text === heading)!;
    expect(path).toBeDefined();
    const where = at(liaoning, heading);
    expect(originAt(doc, path, 0)).toMatchObject({ file: 'r.yaml', ...where });
    expect(originAt(doc, path, heading.indexOf('法治'))).toMatchObject({ line: where.line, column: where.column + heading.indexOf('法治') });
    expect(originAt(doc, path)!.path).toMatch(/^parts\[\d+\]\.body\[\d+\]\.heading$/);
  });

  it('give the data path and position of each text of the data, and the template line of what the style wrote', () => {
    const doc = composed(liaoning);
    // Every text that came from the data names a place the loader knows.
    const loaded = loadReport(liaoning);
    let data = 0;
    for (const list of Object.values(doc.origins!)) {
      for (const o of list.filter((x) => x.path !== undefined)) {
        data++;
        const segments = o.path!.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        expect(loaded.locate(segments), o.path).toMatchObject({ line: o.line });
      }
    }
    expect(data).toBeGreaterThan(40);
  });

  it('follow a title broken into lines, and a paragraph made of several values', () => {
    const source = [
      'style: national',
      'year: 2021',
      'issuers:',
      '  - name: 甲乡人民政府',
      'title: 甲乡人民政府关于二〇二一年度法治政府建设情况和二〇二二年度工作安排的报告',
      'parts:',
      '  - kind: measures',
      '    body:',
      '      - lead: 加强组织领导。',
      '        text: 成立领导小组。',
      '  - kind: shortcomings',
      '    body: [学法不够深入。]',
      '  - kind: plans',
      '    body: [继续推进。]',
      'signature:',
      '  date: 2022-01-09',
      '  seals: [seal.png]',
      '',
    ].join('\n');
    const seal = new Uint8Array(png(32, 32));
    const doc = composed(source, { 'seal.png': seal });
    expect(doc.title.length).toBeGreaterThan(1);
    const second = doc.title[1]!;
    const titleAt = at(source, '甲乡人民政府关于');
    const offset = doc.title[0]!.length;
    expect(originAt(doc, 'title[1]', 0)).toMatchObject({ path: 'title', line: titleAt.line, column: titleAt.column + source.split('\n')[titleAt.line - 1]!.slice(titleAt.column - 1).indexOf(second) });
    expect(offset).toBeGreaterThan(0);
    // 加强组织领导。成立领导小组。: the lead and the text, each at its own key.
    const runPath = Object.keys(doc.origins!).find((p) => doc.origins![p]!.some((o) => o.path === 'parts[0].body[0].text'))!;
    const run = doc.body[Number(/^body\[(\d+)\]/.exec(runPath)![1])]!;
    const text = run.kind === 'paragraph' ? run.runs.map((r) => r.text).join('') : '';
    expect(text).toContain('成立领导小组。');
    const runText = run.kind === 'paragraph' ? run.runs[Number(/runs\[(\d+)\]$/.exec(runPath)![1])]!.text : '';
    expect(originAt(doc, runPath, runText.indexOf('成立'))).toMatchObject({ path: 'parts[0].body[0].text', ...at(source, '成立领导小组') });
    // The part heading the style words (no heading in the data) comes from the template that printed it.
    expect(doc.body[0]).toMatchObject({ kind: 'heading', text: expect.stringContaining('主要举措') });
    expect(doc.origins!['body[0].text']).toEqual([{ file: expect.stringMatching(/document\.hbs$/), line: expect.any(Number) }]);
    // A seal: at its place in the list.
    expect(originAt(doc, 'signature.seals[0]')).toMatchObject({ path: 'signature.seals[0]', ...at(source, 'seal.png') });
  });

  it('point a value that cleaning changed, or that runs over lines, at the value', () => {
    const source = liaoning.replace(/^title: (.*)$/m, 'title: >-\n  $1');
    const doc = composed(source);
    const where = at(source, 'title: >-');
    const origin = originAt(doc, 'title[0]', 3)!;
    expect(origin).toMatchObject({ path: 'title', line: where.line });
  });
});

describe('loadSeals', () => {
  it('reads and checks each seal once, where it enters, at its place in the YAML', async () => {
    const locate = (path: (string | number)[]) => (path.join('.') === 'signature.seals.1' ? { line: 31, column: 5 } : undefined);
    const reads: string[] = [];
    const good = new Uint8Array(png(32, 32));
    const r = await loadSeals(['a.png', 'b.png', 'a.png'], (ref) => (reads.push(ref), ref === 'a.png' ? good : png(32, 32).subarray(0, 40)), { filename: 'r.yaml', locate });
    expect(reads).toEqual(['a.png', 'b.png']);
    expect(r.assets).toEqual({ 'a.png': good });
    expect(r.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'seal/corrupt', file: 'r.yaml', line: 31, column: 5, path: 'signature.seals[1]' }]);
    const missing = await loadSeals(['c.png'], {}, { lang: 'en' });
    expect(missing.diagnostics).toMatchObject([{ ruleId: 'asset/missing', path: 'signature.seals[0]' }]);
    const throwing = await loadSeals(['c.png'], () => {
      throw new Error('disk gone');
    });
    expect(throwing.diagnostics[0]).toMatchObject({ ruleId: 'options/assets' });
    expect(throwing.diagnostics[0]!.message).toContain('disk gone');
  });
});

describe('picturesOf', () => {
  it('names the seals, then the signatories’ stamps, each at its place in the data', () => {
    const signature = {
      seals: ['seal.png'],
      signatories: [
        { name: '张三', stamp: 'zhang.png' },
        { name: '李四', stamp: 'li.png' },
      ],
    } as unknown as Report['signature'];
    expect(picturesOf({ signature })).toEqual([
      { ref: 'seal.png', at: ['signature', 'seals', 0] },
      { ref: 'zhang.png', at: ['signature', 'signatories', 0, 'stamp'] },
      { ref: 'li.png', at: ['signature', 'signatories', 1, 'stamp'] },
    ]);
    expect(picturesOf({})).toEqual([]);
  });
});

describe('isStyle', () => {
  it('knows a loaded style from what a caller might pass instead', () => {
    expect(isStyle(style('national'))).toBe(true);
    for (const other of [undefined, null, 'national', [], {}, { name: 'national', manifest: {} }, { ...style('national'), render: 'x' }]) expect(isStyle(other)).toBe(false);
  });
});
