import { derived, layout, ptToMm } from '@gongwen/model';
import { describe, expect, it } from 'vitest';
import { checkMeasurements, type CheckReport, type TextLine } from '../src/index.js';
import { document, firstPageLines, fourPages, fullPageLines, line, page, pageNumberLine, paragraph } from './synthetic.js';

/** Moves every line to a grid of another pitch (pt), keeping the first line in place. */
const repitch = (lines: TextLine[], pitchPt: number): TextLine[] =>
  lines.map((l) => {
    const row = Math.round((l.top - layout.margins.top) / ptToMm(derived.linePitchPt));
    const shift = ptToMm(row * (pitchPt - derived.linePitchPt));
    return { ...l, top: l.top + shift, baseline: l.baseline + shift, bottom: l.bottom + shift };
  });

const rule = (r: CheckReport, id: string) => {
  const found = r.rules.find((x) => x.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const BLOCK_RIGHT = layout.margins.left + layout.textBlock.width;

describe('the synthetic baseline', () => {
  it('is conformant, so each case below fails for its own reason', () => {
    const r = checkMeasurements(document(fourPages()));
    expect(r.rules.filter((x) => !x.pass).map((x) => `${x.id}: ${x.measured}`)).toEqual([]);
    expect(rule(r, 'grid/lines-per-page').measured).toBe('整页（第 2–3 页）均为 22 行');
  });
});

describe('grid/chars-per-line', () => {
  it('counts LibreOffice’s hanging ，。 as the standard does: 28 cells, not 29', () => {
    // LibreOffice: justified lines end at 183.6 mm, a trailing ， hangs out to 189.2 mm.
    const lo = (lines: TextLine[]): TextLine[] =>
      lines.map((l, i) => {
        if (l.xEnd !== BLOCK_RIGHT) return l;
        if (i % 3 === 1) return { ...l, text: l.text + '，', xEnd: 183.6 + ptToMm(16) };
        return { ...l, xEnd: 183.6 };
      });
    const r = checkMeasurements(document(fourPages(lo)));
    expect(rule(r, 'grid/chars-per-line').pass).toBe(true);
    expect(rule(r, 'grid/chars-per-line').measured).toMatch(/^\d+ 个满行：28 字 \d+，避头尾移行 0$/);
    expect(rule(r, 'block/right').pass).toBe(true);
    expect(rule(r, 'block/right').measured).toMatch(/最右 183\.6 mm，\d+ 行标点悬挂/);
  });

  it('fails a renderer whose tracking leaves 27 characters on every full line', () => {
    const unpatched = (lines: TextLine[]): TextLine[] =>
      lines.map((l) => (l.xEnd === BLOCK_RIGHT ? { ...l, text: l.text.slice(0, -1) } : l));
    const r = checkMeasurements(document(fourPages(unpatched)));
    const chars = rule(r, 'grid/chars-per-line');
    expect(chars.pass).toBe(false);
    expect(chars.measured).toMatch(/28 字 0，避头尾移行 \d+/);
  });

  it('allows a few 27-character lines where a pair was pushed down, but not 29', () => {
    const some27 = (lines: TextLine[]): TextLine[] =>
      lines.map((l, i) => (l.xEnd === BLOCK_RIGHT && i === 2 ? { ...l, text: l.text.slice(0, -1) } : l));
    expect(rule(checkMeasurements(document(fourPages(some27))), 'grid/chars-per-line').pass).toBe(true);
    const one29 = (lines: TextLine[], n: number): TextLine[] =>
      lines.map((l, i) => (n === 3 && l.xEnd === BLOCK_RIGHT && i === 2 ? { ...l, text: l.text + '法' } : l));
    const r = rule(checkMeasurements(document(fourPages(one29))), 'grid/chars-per-line');
    expect(r.pass).toBe(false);
    expect(r.measured).toContain('其他 1（p3: 29）');
    expect(r.pages).toEqual([3]);
  });

  it('also counts wrapped lines that stop short of the edge (no justification)', () => {
    const ragged = (lines: TextLine[]): TextLine[] => lines.map((l) => (l.xEnd === BLOCK_RIGHT ? { ...l, text: l.text.slice(0, -1), xEnd: BLOCK_RIGHT - 6 } : l));
    expect(rule(checkMeasurements(document(fourPages(ragged))), 'grid/chars-per-line').measured).toMatch(/28 字 0，避头尾移行 \d+/);
  });

  it('leaves out lines with half-width digits, which do not fill whole cells', () => {
    const digits = (lines: TextLine[]): TextLine[] => lines.map((l) => (l.xEnd === BLOCK_RIGHT ? { ...l, text: `2024${l.text.slice(0, 20)}` } : l));
    const r = rule(checkMeasurements(document(fourPages(digits))), 'grid/chars-per-line');
    expect(r.skipped).toBe(true);
  });
});

describe('grid/chars-per-line: short lines the line-breaking rules explain', () => {
  const shortThen = (nextText: string) => (lines: TextLine[], n: number): TextLine[] =>
    n !== 2
      ? lines
      : lines.map((l, i) => {
          if (i === 2) return { ...l, text: l.text.slice(0, 26) };
          if (i === 3) return { ...l, text: nextText + l.text.slice([...nextText].length) };
          return l;
        });

  it('accepts 26 when two closing marks had to follow the character moved down (…零报|告”，)', () => {
    const r = rule(checkMeasurements(document(fourPages(shortThen('告”，')))), 'grid/chars-per-line');
    expect(r.pass).toBe(true);
  });

  it('accepts 26 when half-width digits start the next line', () => {
    expect(rule(checkMeasurements(document(fourPages(shortThen('8000余份')))), 'grid/chars-per-line').pass).toBe(true);
  });

  it('fails 26 where only an opening quote was bound to its neighbours (这|个“死角”)', () => {
    const r = rule(checkMeasurements(document(fourPages(shortThen('个“死角”')))), 'grid/chars-per-line');
    expect(r.pass).toBe(false);
    expect(r.measured).toContain('其他 1（p2: 26）');
  });
});

describe('grid/line-pitch', () => {
  it('accepts Word’s and LibreOffice’s 28.95 pt', () => {
    const r = checkMeasurements(document(fourPages((lines) => repitch(lines, 28.95))));
    expect(rule(r, 'grid/line-pitch').pass).toBe(true);
    expect(rule(r, 'grid/line-pitch').measured).toMatch(/^28\.95 pt/);
  });

  it('fails a 30 pt pitch', () => {
    const r = checkMeasurements(document(fourPages((lines) => repitch(lines, 30))));
    expect(rule(r, 'grid/line-pitch').pass).toBe(false);
  });

  it('accepts a blank grid line, rejects a heading whose font shifts its baseline', () => {
    const withGap = [page(1, [...paragraph(0, 3), ...paragraph(4, 3)])];
    expect(rule(checkMeasurements(document(withGap)), 'grid/line-pitch').pass).toBe(true);
    const heading = line({ row: 3, text: '一、主要举措和成效', indentChars: 2, font: 'KaiTi', shiftPt: 3.6 });
    const drift = [page(1, [...paragraph(0, 3), heading, ...paragraph(4, 3)])];
    const r = rule(checkMeasurements(document(drift)), 'grid/line-pitch');
    expect(r.pass).toBe(false);
    expect(r.measured).toContain('2 处不在网格上');
  });
});

describe('grid/lines-per-page', () => {
  it('fails a full page that holds 21 lines, naming it', () => {
    const short = (lines: TextLine[], n: number): TextLine[] => (n === 3 ? lines.slice(0, 21) : lines);
    const r = rule(checkMeasurements(document(fourPages(short))), 'grid/lines-per-page');
    expect(r.pass).toBe(false);
    expect(r.pages).toEqual([3]);
    expect(r.measured).toBe('行数不符：p3: 21');
  });

  it('does not count the page before an attachment, the attachment’s first page, or a 版记 page', () => {
    const attachment = [line({ row: 0, text: '附件1', font: 'SimHei' }), line({ row: 2, text: '某某镇法治建设任务清单', size: 22 }), ...paragraph(4, 6)];
    const endMatterRule = { x1: 28, x2: 184, y: 262, length: 156, thicknessPt: 1, color: '000000', tone: 'black' as const };
    const pages = [
      page(1, firstPageLines()),
      page(2, fullPageLines()),
      page(3, paragraph(0, 4)),
      page(4, attachment),
      page(5, paragraph(0, 8)),
      page(6, [line({ row: 20, text: '抄送：县司法局。', size: 14 })], { rules: [endMatterRule] }),
    ];
    const r = checkMeasurements(document(pages));
    expect(rule(r, 'grid/lines-per-page').measured).toBe('整页（第 2 页）均为 22 行');
    expect(rule(r, 'block/top').pass).toBe(true);
  });
});

describe('page numbers', () => {
  it('want em dashes and the physical page number', () => {
    const pages = fourPages();
    pages[1]!.pageNumber = pageNumberLine(2, '- 2 -');
    pages[2]!.pageNumber = pageNumberLine(3, '— 2 —');
    const r = rule(checkMeasurements(document(pages)), 'page-number/format');
    expect(r.pass).toBe(false);
    expect(r.measured).toBe('p2「- 2 -」; p3「— 2 —」');
    expect(r.pages).toEqual([2, 3]);
  });

  it('want none on a blank page, nor on a 版记 page after it; one on every page with text', () => {
    const endMatterRule = { x1: 28, x2: 184, y: 262, length: 156, thicknessPt: 1, color: '000000', tone: 'black' as const };
    const { pageNumber: _, ...blank } = page(3, []);
    const { pageNumber: __, ...endOnly } = page(4, [line({ row: 20, text: '抄送：县司法局。', size: 14 })], { rules: [endMatterRule] });
    const ok = [page(1, firstPageLines()), page(2, paragraph(0, 5)), blank, endOnly];
    expect(rule(checkMeasurements(document(ok)), 'page-number/format').pass).toBe(true);
    const numberedBlank = [page(1, firstPageLines()), page(2, paragraph(0, 5)), page(3, []), endOnly];
    expect(rule(checkMeasurements(document(numberedBlank)), 'page-number/format').measured).toBe('p3 不应有页码「— 3 —」');
    const { pageNumber: ___, ...unnumbered } = page(2, paragraph(0, 5));
    expect(rule(checkMeasurements(document([page(1, firstPageLines()), unnumbered])), 'page-number/format').measured).toBe('p2 无页码');
  });

  it('stand right on odd pages and left on even pages', () => {
    const pages = fourPages();
    const centred = { x: 105 - 9, xEnd: 105 + 9 };
    pages[0]!.pageNumber = pageNumberLine(1, '— 1 —', centred);
    pages[1]!.pageNumber = pageNumberLine(2, '— 2 —', centred);
    const r = rule(checkMeasurements(document(pages)), 'page-number/position');
    expect(r.pass).toBe(false);
    expect(r.pages).toEqual([1, 2]);
    expect(r.measured).toBe('p1 right 114.0 mm; p2 left 96.0 mm');
  });

  it('stand about 7 mm below the block', () => {
    const pages = fourPages();
    const n = pages[3]!.pageNumber!;
    pages[3]!.pageNumber = { ...n, baseline: n.baseline + 10 };
    const r = rule(checkMeasurements(document(pages)), 'page-number/position');
    expect(r.pages).toEqual([4]);
  });
});

describe('red-rule/position', () => {
  it('is skipped without a red header, fails red text without a rule, passes a 156 mm rule', () => {
    expect(rule(checkMeasurements(document(fourPages())), 'red-rule/position').skipped).toBe(true);
    const pages = fourPages();
    pages[0]!.redGlyphs = 9;
    expect(rule(checkMeasurements(document(pages)), 'red-rule/position').measured).toBe('有红色文字但无红色分隔线');
    pages[0]!.rules = [{ x1: 28.1, x2: 184.1, y: 109, length: 156, thicknessPt: 2, color: 'E60012', tone: 'red' }];
    expect(rule(checkMeasurements(document(pages)), 'red-rule/position').pass).toBe(true);
  });
});

describe('block edges', () => {
  it('fail text outside the block and a first line lower than the block top', () => {
    const pages = fourPages();
    pages[2]!.lines = fullPageLines().map((l) => ({ ...l, top: l.top + 4, baseline: l.baseline + 4, bottom: l.bottom + 4 }));
    const r = checkMeasurements(document(pages));
    expect(rule(r, 'block/top').pages).toEqual([3]);
    expect(rule(r, 'block/bottom').pages).toEqual([3]);
    const wide = fourPages();
    wide[1]!.lines[3] = { ...wide[1]!.lines[3]!, xEnd: 187 };
    expect(rule(checkMeasurements(document(wide)), 'block/right').pages).toEqual([2]);
  });

  it('use the spec’s numbers: the first-line indent is 2 × the grid pitch', () => {
    const r = checkMeasurements(document(fourPages()));
    expect(rule(r, 'indent/first-line').expected).toBe(`2 字 = ${(2 * derived.charPitchPt).toFixed(2)} pt（±1）`);
  });
});

describe('fonts', () => {
  it('fail a font that is not embedded or not subset', () => {
    const m = document(fourPages());
    m.fonts.push({ name: 'Helvetica', baseName: 'Helvetica', embedded: false, subset: false });
    m.fonts.push({ name: 'SimHei', baseName: 'SimHei', embedded: true, subset: false });
    const r = rule(checkMeasurements(m), 'fonts/embedded');
    expect(r.pass).toBe(false);
    expect(r.measured).toBe('未嵌入：Helvetica；未子集化：SimHei');
  });
});

describe('a PDF without text', () => {
  it('fails the text rules and says why', () => {
    const m = document([page(1, [])]);
    m.fonts = [];
    m.body = undefined;
    const r = checkMeasurements(m);
    expect(r.conformant).toBe(false);
    expect(rule(r, 'block/left').measured).toBe('PDF 中没有可提取的文字');
    expect(rule(r, 'fonts/embedded').pass).toBe(false);
  });
});

describe('end-matter/position', () => {
  const at = (y: number, thicknessMm: number) => ({ x1: 28, x2: 184, y, length: 156, thicknessPt: (thicknessMm * 72) / 25.4, color: '000000', tone: 'black' as const });
  const pitch = ptToMm(derived.linePitchPt);
  const withEndMatter = (rules: ReturnType<typeof at>[]) => {
    const pages = fourPages();
    pages.push(page(5, [line({ row: 20, text: '抄送：县司法局。', size: 14 })], { rules }));
    return checkMeasurements(document(pages));
  };

  it('passes rules on the block’s bottom edge, thick outside and thin between', () => {
    const r = rule(withEndMatter([at(262 - 2 * pitch, 0.35), at(262 - pitch, 0.25), at(262, 0.35)]), 'end-matter/position');
    expect(r.pass).toBe(true);
    expect(r.measured).toBe('第 5 页，3 条线，末条 y 262.0 mm，线宽 0.99/0.71/0.99 pt');
  });

  it('fails a 版记 set at the top of its page, or with equal weights', () => {
    const high = rule(withEndMatter([at(37.4, 0.35), at(47.9, 0.25), at(58.4, 0.35)]), 'end-matter/position');
    expect(high.pass).toBe(false);
    expect(high.pages).toEqual([5]);
    expect(high.measured).toContain('last y 58.4 mm');
    const even = rule(withEndMatter([at(262 - pitch, 0.35), at(262, 0.25)]), 'end-matter/position');
    expect(even.measured).toContain('#2 0.71 pt');
  });

  it('is skipped without a 版记', () => {
    expect(rule(checkMeasurements(document(fourPages())), 'end-matter/position').skipped).toBe(true);
  });
});

describe('title/position', () => {
  it('passes a centred 22 pt title and fails one set flush left or in the wrong size', () => {
    expect(rule(checkMeasurements(document(fourPages())), 'title/position').pass).toBe(true);
    const left = fourPages();
    left[0]!.lines[0] = line({ row: 0, text: '法治政府建设情况的报告', size: 22 });
    expect(rule(checkMeasurements(document(left)), 'title/position').measured).toContain('centre 70.3 mm');
    const big = fourPages();
    big[0]!.lines[0] = line({ row: 0, text: '法治政府建设情况的报告', size: 26, x: 56 });
    const r = rule(checkMeasurements(document(big)), 'title/position');
    expect(r.pass).toBe(false);
    expect(r.measured).toContain('26.00 pt');
  });
});

describe('signature/position (on request)', () => {
  const char = ptToMm(derived.charPitchPt);
  const right = BLOCK_RIGHT;
  const withSignature = (organ: Partial<TextLine>, date: Partial<TextLine>, dateText = '2025年1月9日', images: { x1: number; y1: number; x2: number; y2: number }[] = []) => {
    const pages = fourPages();
    const last = pages[3]!;
    const o = { ...line({ row: 7, text: '某某镇人民政府' }), ...organ };
    const d = { ...line({ row: 8, text: dateText }), ...date };
    last.lines = [...last.lines, o, d];
    last.images = images;
    return rule(checkMeasurements(document(pages), { extraRules: ['signature/position'] }), 'signature/position');
  };

  it('is left out unless asked for', () => {
    expect(checkMeasurements(document(fourPages())).rules.map((r) => r.id)).not.toContain('signature/position');
  });

  it('passes an unsealed signature two characters in, the date two characters right of the 署名', () => {
    const organX = right - 2 * char - 7 * char;
    const r = withSignature({ x: organX, xEnd: right - 2 * char }, { x: organX + 2 * char, xEnd: organX + 2 * char + 25 });
    expect(r.pass).toBe(true);
    expect(r.measured).toMatch(/^第 4 页，无印章：署名 /);
  });

  it('fails a date set one character off, and a zero-padded date', () => {
    const organX = right - 2 * char - 7 * char;
    const off = withSignature({ x: organX, xEnd: right - 2 * char }, { x: organX + char, xEnd: organX + char + 25 });
    expect(off.pass).toBe(false);
    expect(off.measured).toContain('date start');
    const padded = withSignature({ x: organX, xEnd: right - 2 * char }, { x: organX + 2 * char, xEnd: organX + 2 * char + 28 }, '2025年01月09日');
    expect(padded.pass).toBe(false);
    expect(padded.measured).toMatch(/（「2025年01月09日」）$/);
  });

  it('with a seal: the date four characters in, a single 署名 centred over it', () => {
    const dateEnd = right - 4 * char;
    const dateX = dateEnd - 36;
    const centre = (dateX + dateEnd) / 2;
    const seal = [{ x1: centre - 21, y1: 90, x2: centre + 21, y2: 132 }];
    const ok = withSignature({ x: centre - 20, xEnd: centre + 20 }, { x: dateX, xEnd: dateEnd }, '2025年1月9日', seal);
    expect(ok.pass).toBe(true);
    expect(ok.measured).toMatch(/有印章/);
    const shifted = withSignature({ x: centre - 17, xEnd: centre + 23 }, { x: dateX, xEnd: dateEnd }, '2025年1月9日', seal);
    expect(shifted.pass).toBe(false);
    expect(shifted.measured).toContain('署名 centre');
  });
});

describe('a page that carried its last lines over with the signature', () => {
  const char = ptToMm(derived.charPitchPt);
  const organX = BLOCK_RIGHT - 2 * char - 7 * char;
  /**
   * Page 3 holds `kept` lines of a paragraph that goes on at the top of page 4 for `carried`
   * lines; then a blank line, the 署名 and the date.
   */
  const carriedOver = (kept: number, carried: number, options: { indentFirst?: boolean; blankRows?: number; gapAt?: number } = {}) => {
    let before = fullPageLines().slice(0, kept);
    if (options.gapAt !== undefined) before = before.map((l, i) => (i < options.gapAt! ? l : line({ row: i + 1, chars: 28, xEnd: BLOCK_RIGHT })));
    const rest = Array.from({ length: carried }, (_, i) =>
      i === carried - 1
        ? line({ row: i, chars: 9, ...(options.indentFirst && i === 0 ? { indentChars: 2 } : {}) })
        : line({ row: i, chars: options.indentFirst && i === 0 ? 26 : 28, xEnd: BLOCK_RIGHT, ...(options.indentFirst && i === 0 ? { indentChars: 2 } : {}) }),
    );
    const organRow = carried + (options.blankRows ?? 1);
    const signature = [
      line({ row: organRow, text: '某某镇人民政府', x: organX, xEnd: BLOCK_RIGHT - 2 * char }),
      line({ row: organRow + 1, text: '2025年1月9日', x: organX + 2 * char, xEnd: organX + 2 * char + 25 }),
    ];
    const pages = [page(1, firstPageLines()), page(2, fullPageLines()), page(3, before), page(4, [...rest, ...signature])];
    return checkMeasurements(document(pages), { extraRules: ['signature/position'] });
  };

  it('may end short by the carried line and the rows too few for blank line, 署名 and date', () => {
    // 21 lines would leave one row: not enough for the blank line, 署名 and date (three rows).
    for (const kept of [21, 20, 19]) {
      const r = carriedOver(kept, 1);
      expect(r.rules.filter((x) => !x.pass).map((x) => `${x.id}: ${x.measured}`), `page 3 with ${kept} lines`).toEqual([]);
      expect(r.pages[2]!.exempt).toEqual(['signature-carry']);
      expect(rule(r, 'grid/lines-per-page').measured).toBe(`整页（第 2 页）均为 22 行；第 3 页 ${kept} 行（1 行随署名转页）`);
    }
    // Two carried lines, as widow control moves them.
    expect(carriedOver(20, 2).conformant).toBe(true);
  });

  it('fails where the blank line, 署名 and date would have fitted below the kept lines', () => {
    const r = carriedOver(18, 1);
    expect(rule(r, 'grid/lines-per-page').pass).toBe(false);
    expect(rule(r, 'grid/lines-per-page').measured).toBe('行数不符：p3: 18');
    expect(rule(r, 'block/bottom').pages).toEqual([3]);
    expect(r.pages[2]!.exempt).toEqual([]);
  });

  it('fails when more lines are carried than widow control needs', () => {
    const r = carriedOver(19, 3);
    expect(rule(r, 'grid/lines-per-page').measured).toBe('行数不符：p3: 19');
    expect(rule(r, 'block/bottom').pages).toEqual([3]);
  });

  it('fails when the next page starts a new paragraph or has no blank line before the 署名', () => {
    expect(rule(carriedOver(20, 1, { indentFirst: true }), 'grid/lines-per-page').measured).toBe('行数不符：p3: 20');
    expect(rule(carriedOver(20, 1, { blankRows: 0 }), 'grid/lines-per-page').measured).toBe('行数不符：p3: 20');
  });

  it('fails block/bottom when the short page leaves a blank row inside instead of at its foot', () => {
    // 20 lines, but a blank grid row after line 10 pushes the last one down a row.
    const r = carriedOver(20, 1, { gapAt: 10 });
    expect(rule(r, 'grid/lines-per-page').pass).toBe(true);
    expect(rule(r, 'block/bottom').pass).toBe(false);
    expect(rule(r, 'block/bottom').pages).toEqual([3]);
  });
});
