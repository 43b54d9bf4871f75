import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFonts } from '@gongwen/fonts';
import { derived, fontRoles, layout } from '@gongwen/model';
import { buildDocDefinition, renderPdf } from '../src/index.js';
import { fullDocument, plainDocument } from './fixtures.js';
import { mm, readLines } from './measure.js';

const fonts = resolveFonts({ systemDirs: [], env: {} }).fonts;
type AnyNode = Record<string, any>;

describe('buildDocDefinition', () => {
  it('takes the page geometry from the layout spec', () => {
    const def = buildDocDefinition(plainDocument(1), fonts);
    const [left, top, right, bottom] = def.pageMargins;
    expect([left, top, right]).toEqual([derived.marginsPt.left, derived.marginsPt.top, derived.marginsPt.right]);
    // The flow reaches half a point below the block, so a shifted line never costs the 22nd line.
    expect(bottom).toBeCloseTo(derived.marginsPt.bottom - 0.5, 6);
    expect(def.pageSize.width).toBeCloseTo(derived.pageWidthPt, 3);
    expect(def.pageSize.height).toBeCloseTo(derived.pageHeightPt, 3);
  });

  it('fills a paragraph line by line: the first indented two characters, full lines on the 28-character grid', () => {
    const def = buildDocDefinition(plainDocument(1), fonts);
    const lineText = (line: AnyNode) => (line.text as AnyNode[]).map((t) => t.text).join('');
    const para = def.content.find((n: AnyNode) => n.stack?.[0] && lineText(n.stack[0]).includes('号段落')) as AnyNode;
    const [first, second, ...rest] = para.stack as AnyNode[];
    // “1号段落”: the automatic space after the digit is carried by the digit's own inline.
    const [digit, han] = first.text as AnyNode[];
    expect(digit.text).toBe('1');
    expect(digit.characterSpacing - han.characterSpacing).toBeCloseTo(layout.text.autospaceEm * fontRoles.body.size, 6);
    expect(first.margin[0]).toBeCloseTo(2 * derived.charPitchPt, 3);
    expect(second.margin[0]).toBe(0);
    expect(first.noWrap).toBe(true);
    const inline = second.text[0];
    expect(inline.fontSize).toBe(fontRoles.body.size);
    // a full line of 28 hanzi keeps the grid's tracking, so each character stands on the grid
    expect([...inline.text]).toHaveLength(layout.grid.charsPerLine);
    expect(inline.characterSpacing).toBeCloseTo(derived.bodyTrackingPt, 3);
    const f = fonts.body[0]!.font;
    expect(inline.lineHeight * ((f.ascent - f.descent) / f.unitsPerEm) * inline.fontSize).toBeCloseTo(derived.linePitchPt, 6);
    // the paragraph's last line keeps the grid tracking too, rather than being spread out
    const last = (rest.at(-1) ?? second).text[0];
    expect(last.characterSpacing).toBeCloseTo(Math.floor(derived.bodyTrackingPt * 10000) / 10000, 4);
  });

  it('keeps closing punctuation off a line start and opening brackets off a line end, spreading the shorter line', () => {
    const text = `${'法'.repeat(25)}（治）${'法'.repeat(26)}，${'法'.repeat(20)}`;
    const { signature: _, ...unsigned } = plainDocument(0);
    const def = buildDocDefinition({ ...unsigned, body: [{ kind: 'paragraph', runs: [{ text }] }] }, fonts);
    const para = def.content.find((n: AnyNode) => n.stack?.[0]?.text?.[0]?.text?.startsWith('法法')) as AnyNode;
    const lines = (para.stack as AnyNode[]).map((l) => l.text.map((t: AnyNode) => t.text).join(''));
    expect(lines.join('')).toBe(text);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。）]/);
    for (const l of lines) expect(l).not.toMatch(/[（]$/);
    const spread = (para.stack as AnyNode[])[0].text[0].characterSpacing;
    expect(spread).toBeGreaterThan(0);
  });

  it('breaks around Latin words and numbers, 破折号 and 省略号 as Word and LibreOffice do', () => {
    const { signature: _, ...unsigned } = plainDocument(0);
    // Continuation lines of 28 characters; the probe sits where the second line overflows.
    const linesOf = (probe: string, before = 27) => {
      const text = `${'法'.repeat(26)}${'治'.repeat(before)}${probe}`;
      const def = buildDocDefinition({ ...unsigned, body: [{ kind: 'paragraph', runs: [{ text }] }] }, fonts);
      const para = def.content.find((n: AnyNode) => n.stack?.[0]?.text?.[0]?.text?.startsWith('法法')) as AnyNode;
      const lines = (para.stack as AnyNode[]).map((l) => l.text.map((t: AnyNode) => t.text).join(''));
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      return lines.slice(1);
    };
    // No break between a closing mark and a digit: the Chinese character before goes down with them.
    expect(linesOf('。2021年')[1]).toBe('治。2021年');
    // None between a digit and the quotation mark after it, nor inside a number.
    expect(linesOf('1“法”')[1]).toBe('1“法”');
    // Nor where the mark fits and the character after it overflows: the number goes down whole with it.
    expect(linesOf('12“法”', 25)[1]).toBe('12“法”');
    // An opening quotation mark may start a line after a Chinese character.
    expect(linesOf('“12·4”')[1]).toBe('“12·4”');
    // Not after a mark that follows a Latin word, where the quotation mark overflows: the word goes down.
    expect(linesOf('ABCD、“法治”', 23)[1]).toBe('ABCD、“法治”');
    // Where the character after it overflows, the line breaks before it, as after Chinese text.
    expect(linesOf('ABC、“法治”', 23)).toEqual([`${'治'.repeat(23)}ABC、`, '“法治”']);
    // After a closing quotation mark the line may break before Chinese text, even where it overflows in a number (`’|设。2021`),
    expect(linesOf('‘网通’设。2021年', 22)[1]).toBe('设。2021年');
    // but an opening one after a closing one that follows a Latin word stays with the word.
    expect(linesOf('“网通APP”“设。', 22)[1]).toBe('APP”“设。');
    // A 破折号 is set at two full ems, untracked: a line of 28 ems with one fits, with two it does not.
    expect(linesOf(`——${'治'.repeat(5)}法法治治治`, 16)).toHaveLength(1);
    expect(linesOf(`——${'治'.repeat(5)}——治治治`, 16)[1]).toBe('治');
    // A space between Latin words is tracked with them, as one run: `9704` still fits, and the line breaks before the dash.
    expect(linesOf('GB/T 9704—2012、“法治”', 23)).toEqual([`${'治'.repeat(23)}GB/T 9704`, '—2012、“法治”']);
    // Digits shaped as Latin are fitted at the clients' 549 units (Debian's Noto Serif CJK), not the
    // embedded face's 550: `2012` still fits where the PDF's own digits would overflow by 0.1 pt.
    expect(linesOf('告的一审行政诉讼案件41件，审结37件，败GB/T 9704—2012诉3件，败诉率8.1%', 0)[0]).toBe('告的一审行政诉讼案件41件，审结37件，败GB/T 9704—2012');
    // Advances are fitted in the clients' whole pixels, runs in whole twips: the digits here come to
    // 1 twip less than their exact sum, so `政` fits, 0.04 pt inside the edge, as in LibreOffice.
    expect(linesOf('（2021-2025年）接受法律咨询50次，受众人群2000余人；政务5G公开', 0)[0]).toBe('（2021-2025年）接受法律咨询50次，受众人群2000余人；政');
    // Neither 破折号 nor 省略号 is split; —— may start a line and is one two-em glyph wide, …… only
    // after punctuation, else it takes the character before it along (UAX #14, as LibreOffice breaks
    // the pair's run in the DOCX).
    expect(linesOf('——法')[1]).toBe('——法');
    expect(linesOf('治……法')[1]).toBe('治……法');
    expect(linesOf('。……法', 26)[1]).toBe('……法');
    // Nor does a 破折号 start a line after a quotation mark: `设”——` goes down whole.
    expect(linesOf('设”——和', 25)[1]).toBe('设”——和');
    // `%` may start a line where it follows Chinese text, not a digit (LibreOffice's 避头尾 list).
    expect(linesOf('办’%。法', 26)[1]).toBe('%。法');
    expect(linesOf('办100%。法', 25)[1]).toBe('100%。法');
  });

  it('keeps a last line that fits at the DOCX condensing on one line, condensed to the edge', async () => {
    const { signature: _, ...unsigned } = plainDocument(0);
    const text = `${'法'.repeat(26)}座谈交流等基本动12.5%作为主，活动的吸引力和凝聚力不够。`;
    const { lines } = await readLines((await renderPdf({ ...unsigned, body: [{ kind: 'paragraph', runs: [{ text }] }] }, fonts)).pdf);
    const last = lines.find((l) => l.text.startsWith('座'))!;
    expect(last.text.replace(/\s/g, '')).toBe('座谈交流等基本动12.5%作为主，活动的吸引力和凝聚力不够。');
    // It ends where the full line above it ends, at the block's edge, not past it.
    const full = lines.find((l) => l.text.startsWith('法法'))!;
    expect(last.xEnd).toBeCloseTo(full.xEnd, 1);
  });

  it('numbers odd pages on the right and even pages on the left, nothing on a blank page', () => {
    const def = buildDocDefinition(plainDocument(1), fonts);
    const odd = def.footer(3, 4) as AnyNode[];
    const even = def.footer(2, 4) as AnyNode[];
    expect(odd[0]!.text.map((t: AnyNode) => t.text).join('')).toBe('— 3 —');
    expect(even[0]!.absolutePosition.x).toBeCloseTo(derived.marginsPt.left + layout.pageNumber.insetChars * fontRoles.pageNumber.size, 3);
    expect(odd[0]!.absolutePosition.x).toBeGreaterThan(derived.pageWidthPt / 2);
    // the last page also draws the 版记
    expect((def.footer(4, 4) as AnyNode[]).length).toBeGreaterThan(1);
    // a 版记 pushed alone onto page 3 goes to page 4; pages 3 and 4 lose their numbers
    const nodes = { getNodesOnNextPage: () => [], getPreviousNodesOnPage: () => [] };
    expect(def.pageBreakBefore({ id: 'gongwen-end-matter', startPosition: { pageNumber: 3 } }, nodes)).toBe(true);
    expect(def.footer(3, 4)).toBeNull();
    expect((def.footer(4, 4) as AnyNode[]).some((n) => /—/.test(JSON.stringify(n.text ?? '')))).toBe(false);
  });

  it('keeps the 版记 on an even page that follows the text', () => {
    const def = buildDocDefinition(plainDocument(1), fonts);
    const withText = { getNodesOnNextPage: () => [], getPreviousNodesOnPage: () => [{ text: '…' }] };
    expect(def.pageBreakBefore({ id: 'gongwen-end-matter', startPosition: { pageNumber: 2 } }, withText)).toBe(false);
    expect(def.pageBreakBefore({ id: 'gongwen-end-matter', startPosition: { pageNumber: 1 } }, withText)).toBe(true);
    expect(def.footer(1, 2)).not.toBeNull();
  });

  it('takes the creation date from the document, a fixed one without it, never the clock', () => {
    expect(buildDocDefinition(fullDocument(), fonts).info.creationDate).toEqual(new Date('2022-01-09'));
    const { created: _, ...meta } = fullDocument().meta;
    expect(buildDocDefinition({ ...fullDocument(), meta }, fonts).info.creationDate).toEqual(new Date(Date.UTC(2000, 0, 1)));
  });

  it('matches the reviewed definition of the full document (test/golden/full-definition.json)', () => {
    const def = buildDocDefinition(fullDocument(), fonts);
    const text = `${JSON.stringify(def, null, 1)}\n`;
    const golden = join(import.meta.dirname, 'golden', 'full-definition.json');
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
      mkdirSync(join(import.meta.dirname, 'golden'), { recursive: true });
      writeFileSync(golden, text);
    }
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('the organ mark', () => {
  it('shrinks a mark too long for the block so it fits on one line, centred', async () => {
    const organ = '某某自治区某某地区某某自治县某某民族乡人民政府';
    const doc = { ...plainDocument(1), header: { organs: [organ], suffix: '文件', documentNumber: '某政发〔2025〕1号' } };
    const def = buildDocDefinition(doc, fonts);
    const mark = def.content.find((n: AnyNode) => n.text?.[0]?.color) as AnyNode;
    const size = mark.text[0].fontSize;
    expect(size).toBeLessThan(fontRoles.organMark.size);
    expect([...(organ + '文件')].length * size).toBeLessThanOrEqual(derived.blockWidthPt + 0.01);
    const { lines } = await readLines((await renderPdf(doc, fonts)).pdf);
    const line = lines.find((l) => l.fontSize > 16 && l.text.includes('文件'))!;
    expect(line.text.replace(/\s/g, '')).toBe(organ + '文件');
    expect(mm(line.x)).toBeGreaterThanOrEqual(layout.margins.left - 0.1);
  });
});

describe('keeping the signature with the body', () => {
  it('carries the last line of the body into the unbreakable signature block', () => {
    const def = buildDocDefinition(plainDocument(2), fonts);
    const sig = def.content.find((n: AnyNode) => n.unbreakable) as AnyNode;
    expect(sig.stack[0].text.map((t: AnyNode) => t.text).join('')).toMatch(/成效。$/);
    expect(sig.stack[1].text.map((t: AnyNode) => t.text).join('')).toBe('遂溪县乌塘镇人民政府');
  });

  it('carries a heading with a one-line last paragraph into the signature block, so it never ends a page alone', () => {
    const doc = plainDocument(2);
    doc.body = [...doc.body, { kind: 'heading', level: 1, marker: '四、', text: '下一步工作安排' }, { kind: 'paragraph', runs: [{ text: '加强法制宣传教育。' }] }];
    const def = buildDocDefinition(doc, fonts);
    const sig = def.content.find((n: AnyNode) => n.unbreakable) as AnyNode;
    const lineText = (l: AnyNode): string => (l.text ? l.text.map((t: AnyNode) => t.text).join('') : (l.stack as AnyNode[]).map(lineText).join(''));
    const texts = (sig.stack as AnyNode[]).slice(0, 3).map(lineText);
    expect(texts).toEqual(['四、下一步工作安排', '加强法制宣传教育。', '遂溪县乌塘镇人民政府']);
  });
});

describe('fonts from a TrueType collection', () => {
  it('renders a collection face more than once (pdfmake must not keep the font bytes it writes into the descriptor)', async () => {
    const { makeCollection, notoSans, roboto } = await import('../../fonts/test/helpers.js');
    const ttc = makeCollection([roboto, notoSans]);
    const set = resolveFonts({ systemDirs: [], env: {}, files: { heading1: ttc } }).fonts;
    expect(set.heading1[0]!.face).toBe('Roboto-Regular');
    const doc = plainDocument(1);
    doc.body = [{ kind: 'heading', level: 1, marker: 'I. ', text: 'Overview' }, ...doc.body.slice(1)];
    const a = await renderPdf(doc, set);
    const b = await renderPdf(doc, set);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    const { lines } = await readLines(b.pdf);
    expect(lines.some((l) => l.text.includes('Overview'))).toBe(true);
  });
});

describe('fonts of another ascent', () => {
  it('moves a heading in a font with a smaller ascent down so its baseline stays on the body grid', async () => {
    const roboto = join(import.meta.dirname, '..', '..', 'fonts', 'test', 'fixtures', 'Roboto-Regular.ttf');
    const mixed = resolveFonts({ systemDirs: [], env: {}, files: { heading1: roboto } }).fonts;
    expect(mixed.heading1[0]!.font.ascent / mixed.heading1[0]!.font.unitsPerEm).toBeLessThan(fonts.body[0]!.font.ascent / fonts.body[0]!.font.unitsPerEm - 0.1);
    const doc = plainDocument(2);
    doc.body = [doc.body[1]!, { kind: 'heading', level: 1, marker: 'I. ', text: 'Overview' }, doc.body[2]!];
    const { lines } = await readLines((await renderPdf(doc, mixed)).pdf);
    const page1 = lines.filter((l) => l.page === 1 && mm(l.baseline) < 262);
    const first = page1[0]!.baseline;
    expect(page1.some((l) => l.text.includes('Overview'))).toBe(true);
    for (const l of page1) {
      const steps = (l.baseline - first) / derived.linePitchPt;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.002);
    }
  });

  it('sets a line in such a font on the last grid line of a page too: pages break as with the body font', async () => {
    const roboto = join(import.meta.dirname, '..', '..', 'fonts', 'test', 'fixtures', 'Roboto-Regular.ttf');
    const mixed = resolveFonts({ systemDirs: [], env: {}, files: { heading2: roboto } }).fonts;
    const doc = plainDocument(0);
    // Paragraphs of three to five lines whose first line is all run-in lead: some of them start on a page's last line.
    const lead = 'Overview of the year and of the work the office has done in it, with the figures ';
    const linesPerPage = async (role: 'heading2' | 'body') => {
      doc.body = Array.from({ length: 40 }, (_, i) => ({ kind: 'paragraph' as const, runs: [{ text: lead, role }, { text: '法'.repeat(40 + 28 * (i % 3)) }] }));
      const { lines } = await readLines((await renderPdf(doc, mixed)).pdf);
      const perPage: number[] = [];
      for (const l of lines) if (mm(l.baseline) < 262) perPage[l.page - 1] = (perPage[l.page - 1] ?? 0) + 1;
      return perPage;
    };
    const shifted = await linesPerPage('heading2');
    expect(shifted.length).toBeGreaterThan(5);
    expect(shifted).toEqual(await linesPerPage('body'));
  });
});
