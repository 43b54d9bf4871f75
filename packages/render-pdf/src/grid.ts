import { derived, type FontRole } from '@gongwen/model';
import { inlines, round, type InlineStyle } from './inlines.js';
import type { Metrics } from './metrics.js';

export type Node = Record<string, unknown>;

export const pitch = derived.linePitchPt;

export interface LineOptions extends InlineStyle {
  alignment?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in pt. */
  indent?: number;
  /** Left and right margins in pt. */
  left?: number;
  right?: number;
  /** Blank grid lines before the block. */
  blankLinesBefore?: number;
}

/**
 * A block of text whose every line is one grid pitch tall and whose baselines sit where a body
 * line's baseline would: a font with a smaller ascent (楷体) is moved down by the difference, and
 * moved back up below the block so the next block stays on the grid.
 */
export function textBlock(text: string | { text: string; role?: FontRole }[], options: LineOptions, m: Metrics): Node {
  const parts = typeof text === 'string' ? [{ text }] : text;
  const runs = parts.flatMap((p) => inlines(p.text, { ...options, role: p.role ?? options.role }, m));
  // pdfmake puts a line's baseline below its tallest font's ascent; match that to the body grid.
  const ascent = Math.max(...runs.map((r) => m.ascent(m.byId(r.font) ?? m.primary(options.role), r.fontSize)), 0);
  const delta = runs.length ? baselineShift(ascent, m, options.lineHeightPt) : 0;
  const before = (options.blankLinesBefore ?? 0) * pitch;
  const node: Node = {
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
