import { derived, fontRoles, headerLines, layout, mmToPt, type Header } from '@gongwen/model';
import { pitch, space, textBlock, type Node } from './grid.js';
import { inlines, round, trackingFloor } from './inlines.js';
import type { Metrics } from './metrics.js';

export interface HeaderResult {
  nodes: Node[];
  /** Grid line (0-based) on which the title starts: two blank lines below the red rule. */
  titleLine: number;
  /** The red rule's distance below the block top, in pt (for tests and the docx parity check). */
  ruleY: number;
  /** Top edge of the organ mark below the block top, in pt. */
  markTop: number;
}

const red = `#${layout.red}`;
/** Room a column needs beyond its text's measured width so pdfmake's floating-point sums never wrap it. */
const FIT = 0.01;

/**
 * 版头 (7.2): 份号/密级/紧急程度 on the first lines, the red 发文机关标志 with its top edge 35 mm
 * below the block top, 发文字号 (and 签发人) two blank lines below it, the red rule 4 mm below that.
 * Positions are computed from the block top and every gap returns to the grid before the title.
 */
export function buildHeader(h: Header, m: Metrics): HeaderResult {
  const nodes: Node[] = [];
  const body = fontRoles.body;
  const tracking = trackingFloor(derived.bodyTrackingPt);
  let cursor = 0;
  const flags: [string | undefined, 'body' | 'heading1'][] = [
    [h.copyNumber, 'body'],
    [h.secrecy, 'heading1'],
    [h.urgency, 'heading1'],
  ];
  for (const [text, role] of flags) {
    if (!text) continue;
    nodes.push(textBlock(text, { role, size: body.size, tracking }, m));
    cursor += pitch;
  }

  // 发文机关标志: shrink the size if the longest line would not fit the block (practice: 字体缩放).
  const markFont = m.primary('organMark');
  const wanted = fontRoles.organMark.size;
  const many = h.organs.length > 1;
  const suffixGap = many && h.suffix ? layout.header.jointSuffixGapChars : 0;
  const widthAt = (size: number) => {
    const names = Math.max(...h.organs.map((o) => m.textWidth(o, 'organMark', size)));
    const suffix = h.suffix ? m.textWidth(h.suffix, 'organMark', size) : 0;
    return many ? names + suffix + suffixGap * size : names + suffix;
  };
  const size = Math.min(wanted, (wanted * derived.blockWidthPt) / widthAt(wanted));
  const lineH = many ? layout.header.organMarkLineHeight * size : m.naturalLineHeight(markFont, size);
  const em = m.emBox(markFont, size);
  const asc = m.ascent(markFont, size);
  const markTop = mmToPt(layout.header.organMarkTop);
  const nodeTop = markTop - asc + em.top;
  const markStyle = { role: 'organMark' as const, size, color: red, lineHeightPt: lineH };
  let mark: Node;
  if (!many) {
    mark = { text: inlines(h.organs[0]! + h.suffix, markStyle, m), alignment: 'center' };
  } else {
    const namesWidth = Math.max(...h.organs.map((o) => m.textWidth(o, 'organMark', size)));
    // Shorter names are spread to the longest one's width, as typists align joint marks.
    const names = h.organs.map((o) => {
      const chars = [...o];
      const extra = chars.length > 1 ? (namesWidth - m.textWidth(o, 'organMark', size)) / (chars.length - 1) : 0;
      // Character spacing follows every character it is set on; the last one goes without, so the
      // name ends exactly at the column's right edge and the mark stays centred.
      const spread = [...inlines(chars.slice(0, -1).join(''), { ...markStyle, tracking: extra }, m), ...inlines(chars.at(-1) ?? '', markStyle, m)];
      return { text: spread, alignment: chars.length > 1 ? 'left' : 'center' };
    });
    const cols: Node[] = [{ width: '*', text: '' }, { width: round(namesWidth + FIT), stack: names }];
    if (h.suffix) {
      const firstBaseline = asc;
      const lastBaseline = (h.organs.length - 1) * lineH + asc;
      const centre = (firstBaseline - em.top + lastBaseline + em.bottom) / 2;
      const suffixBaseline = centre + (em.top - em.bottom) / 2;
      cols.push({
        width: round(m.textWidth(h.suffix, 'organMark', size) + suffixGap * size + FIT),
        text: inlines(h.suffix, markStyle, m),
        margin: [round(suffixGap * size), round(suffixBaseline - asc), 0, 0],
      });
    }
    cols.push({ width: '*', text: '' });
    mark = { columns: cols, columnGap: 0 };
  }
  mark.margin = [0, round(nodeTop - cursor), 0, 0];
  nodes.push(mark);
  cursor = nodeTop + h.organs.length * lineH;

  // 发文字号 two blank lines below the mark; for a 上行文 on the line of the last 签发人 row. The
  // lines come from the spec (headerLines), so the DOCX puts them on the same lines.
  const inset = layout.header.upwardInsetChars * derived.charPitchPt;
  const signers = h.signers ?? [];
  const rows: string[][] = [];
  for (let i = 0; i < signers.length; i += layout.header.signersPerLine) rows.push(signers.slice(i, i + layout.header.signersPerLine));
  const lines = headerLines({ flagLines: flags.filter(([text]) => text).length, organs: h.organs.length, signerRows: rows.length });
  const firstLine = lines.numberLine;
  const numberRow = lines.numberRow;
  const gap = firstLine * pitch - cursor;
  const numberStyle = { role: 'body' as const, size: body.size, tracking };
  if (!rows.length && !h.documentNumber) {
    // No 发文字号: its line stays empty, so the rule and title keep their places.
    nodes.push(space(gap + pitch));
  } else if (!rows.length) {
    const n = textBlock(h.documentNumber ?? '', { ...numberStyle, alignment: 'center' }, m);
    (n.margin as number[])[1] = round((n.margin as number[])[1]! + gap);
    nodes.push(n);
  } else {
    const label = '签发人：';
    const labelW = m.textWidth(label, 'body', body.size, tracking);
    const namesW = Math.max(...rows.map((r) => m.textWidth(r.join('　'), 'heading2', body.size, tracking)));
    rows.forEach((r, i) => {
      const line: Node = {
        columns: [
          { width: '*', ...textBlock(i === rows.length - 1 ? (h.documentNumber ?? '') : '', { ...numberStyle, left: inset }, m) },
          { width: round(labelW + 0.5), ...textBlock(i === 0 ? label : '', numberStyle, m) },
          { width: round(namesW + 0.5), ...textBlock(r.join('　'), { ...numberStyle, role: 'heading2' }, m) },
          { width: round(inset), text: '' },
        ],
        columnGap: 0,
      };
      if (i === 0) line.margin = [0, round(gap), 0, 0];
      nodes.push(line);
    });
  }
  const numberBottom = numberRow * pitch + m.gridAscent + m.emBox(m.primary('body'), body.size).bottom;
  const ruleY = numberBottom + mmToPt(layout.header.ruleGapBelowNumber);
  cursor = (numberRow + 1) * pitch;
  const titleLine = lines.titleLine;
  nodes.push({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: round(derived.blockWidthPt), y2: 0, lineWidth: layout.header.ruleThicknessPt, lineColor: red }],
    relativePosition: { x: 0, y: round(ruleY - cursor) },
  });
  nodes.push(space(titleLine * pitch - cursor));
  return { nodes, titleLine, ruleY, markTop };
}
