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
  const delta = baselineShift(options.role, options.size, m, options.lineHeightPt);
  const before = (options.blankLinesBefore ?? 0) * pitch;
  const node: Node = {
    text: runs,
    margin: [round(options.left ?? 0), round(before + delta), round(options.right ?? 0), round(-delta)],
  };
  if (options.alignment) node.alignment = options.alignment;
  if (options.indent) node.leadingIndent = round(options.indent);
  return node;
}

/** How far to move a line in this role down so its baseline matches the body's baseline in the grid. */
export function baselineShift(role: FontRole, size: number, m: Metrics, lineHeightPt = pitch): number {
  const own = m.ascent(m.primary(role), size);
  // A line of another height centres on the grid line as the body's would.
  const grid = m.gridAscent + (lineHeightPt - pitch) / 2;
  return grid - own;
}

/** Empty vertical space, as a zero-width canvas that pdfmake keeps (it drops empty text). */
export function space(height: number): Node {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: 0, h: round(height), lineWidth: 0, strokeOpacity: 0 }] };
}
