import type { FontRole } from '@gongwen/model';
import { derived, layout } from '@gongwen/model';
import { inlines, round, type Inline, type InlineStyle } from './inlines.js';
import { fillLines } from './line-filling.js';
import type { Metrics } from './metrics.js';

export type Node = Record<string, unknown>;

export const pitch = derived.linePitchPt;

/**
 * The style name every line of text in the flow carries: pdfmake has no such style (it changes
 * nothing), but hands it to pageBreakBefore, which tells the text block's lines by it from the
 * footer's page number and the 版记 drawn there.
 */
export const TEXT_LINE = 'gongwen-text-line';

export interface LineOptions extends InlineStyle {
  alignment?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in pt. */
  indent?: number;
  /** Left and right margins in pt. */
  left?: number;
  right?: number;
  /** Blank grid lines before the block. */
  blankLinesBefore?: number;
  /**
   * Break lines here on the character grid and justify them by character spacing (body text),
   * instead of leaving line breaking to pdfmake.
   */
  fill?: boolean;
}

/**
 * A block of text whose every line is one grid pitch tall and whose baselines sit where a body
 * line's baseline would: a font with a smaller ascent (楷体) is moved down by the difference, and
 * moved back up below the block so the next block stays on the grid.
 */
export function textBlock(text: string | { text: string; role?: FontRole; bold?: boolean }[], options: LineOptions, m: Metrics): Node {
  const parts: { text: string; role?: FontRole; bold?: boolean }[] = typeof text === 'string' ? [{ text }] : text;
  if (options.fill) return filledBlock(parts.map((p) => ({ text: p.text, role: p.role ?? options.role, bold: p.bold })), options, m);
  const runs = parts.flatMap((p) => inlines(p.text, { ...options, role: p.role ?? options.role }, m));
  // pdfmake puts a line's baseline below its tallest font's ascent; match that to the body grid.
  const ascent = Math.max(...runs.map((r) => m.ascent(m.byId(r.font) ?? m.primary(options.role), r.fontSize)), 0);
  const delta = runs.length ? baselineShift(ascent, m, options.lineHeightPt) : 0;
  const before = (options.blankLinesBefore ?? 0) * pitch;
  const node: Node = {
    style: TEXT_LINE,
    text: runs,
    margin: [round(options.left ?? 0), round(before + delta), round(options.right ?? 0), round(-delta)],
  };
  if (options.alignment) node.alignment = options.alignment;
  if (options.indent) node.leadingIndent = round(options.indent);
  return node;
}

/** How far to move a line with this ascent down so its baseline matches the body's baseline in the grid. */
export function baselineShift(ascent: number, m: Metrics, lineHeightPt = pitch): number {
  // A line of another height centres on the grid line as the body's would.
  return m.gridAscent + (lineHeightPt - pitch) / 2 - ascent;
}

/** Empty vertical space, as a zero-width canvas that pdfmake keeps (it drops empty text). */
export function space(height: number): Node {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: 0, h: round(height), lineWidth: 0, strokeOpacity: 0 }] };
}

/** A paragraph filled line by line (see fillLines): a stack of single-line nodes pdfmake never rewraps. */
function filledBlock(parts: { text: string; role: FontRole; bold?: boolean }[], options: LineOptions, m: Metrics): Node {
  const left = options.left ?? 0;
  const right = options.right ?? 0;
  const lines = fillLines(
    parts,
    {
      width: derived.blockWidthPt - left - right,
      breakWidth: derived.lineBreakWidthPt - left - right,
      indent: options.indent ?? 0,
      size: options.size,
      tracking: options.tracking ?? 0,
      breakTracking: derived.lineBreakTrackingPt,
      justify: true,
    },
    m,
  );
  const before = (options.blankLinesBefore ?? 0) * pitch;
  const stack = lines.map((line, i): Node => {
    const ascent = Math.max(...line.pieces.map((p) => m.ascent(m.byId(p.font) ?? m.primary(p.role), options.size)), 0);
    const delta = line.pieces.length ? baselineShift(ascent, m, options.lineHeightPt) : 0;
    // A line in a face with a smaller ascent is moved down by delta inside its grid line: its box
    // is delta shorter, so the line still fits the last grid line of a page.
    const boxHeight = (options.lineHeightPt ?? pitch) - Math.max(0, delta);
    const text: Inline[] = line.pieces.map((p) => {
      const font = m.byId(p.font) ?? m.primary(p.role);
      const inline: Inline = { text: p.text, font: p.font, fontSize: options.size, lineHeight: m.lineHeightFor(font, options.size, boxHeight) };
      const spacing = line.characterSpacing + (p.space ?? 0);
      if (spacing) inline.characterSpacing = spacing;
      // Bold in a face without a bold weight: the outline stroked too (layout.text.boldStrokeEm).
      if (p.bold) inline.textStroke = round(layout.text.boldStrokeEm * options.size);
      if (options.color) inline.color = options.color;
      return inline;
    });
    return { style: TEXT_LINE, text, noWrap: true, margin: [round(left + line.indent), round((i === 0 ? before : 0) + delta), round(right), round(-Math.min(0, delta))] };
  });
  return { stack };
}
