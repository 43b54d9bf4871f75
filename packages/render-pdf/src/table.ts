import { derived, fontRoles, isLandscapeTable, layout, mmToPt, type CellAlignment, type FontRole, type TableBlock } from '@gongwen/model';
import { baselineShift, pitch, space, TEXT_LINE, type Node } from './grid.js';
import { round, trackingFloor, type Inline } from './inlines.js';
import { fillLines } from './line-filling.js';
import type { Metrics } from './metrics.js';

/** The column widths a table's cells may fill, in pt, and the cells' side padding. */
export interface TableGeometry {
  /** Text width of each column (the column less its padding). */
  textWidths: number[];
  padding: number;
  outer: number;
  inner: number;
}

/**
 * How a table divides the text block: columns in proportion to `widths` (equal without), each
 * padded `cellPaddingChars` on both sides, the grid's vertical rules taken from the width.
 */
export function tableGeometry(table: TableBlock): TableGeometry {
  const spec = layout.table;
  const columns = table.align.length;
  const padding = spec.cellPaddingChars * derived.charPitchPt;
  const outer = mmToPt(spec.outerRule);
  const inner = mmToPt(spec.innerRule);
  const rules = table.rules === 'grid' ? 2 * outer + (columns - 1) * inner : 0;
  const shares = table.widths ?? table.align.map(() => 1);
  const total = shares.reduce((a, b) => a + b, 0);
  const free = tableWidthPt(table) - rules - columns * 2 * padding;
  return { textWidths: shares.map((s) => (free * s) / total), padding, outer, inner };
}

/** The width a table spans: the portrait text block, or the landscape one (layout.landscape). */
export function tableWidthPt(table: TableBlock): number {
  return isLandscapeTable(table) ? derived.landscape.blockWidthPt : derived.blockWidthPt;
}

/**
 * Lines of one cell (or the title): broken on the character grid inside `width`, never
 * justified, each one grid pitch tall with its baseline where a body line's would be.
 */
export function cellLines(text: string, role: FontRole, width: number, alignment: CellAlignment, m: Metrics): Node[] {
  const size = fontRoles.body.size;
  if (text === '') return [space(pitch)];
  const tracking = trackingFloor(derived.bodyTrackingPt);
  const lines = fillLines([{ text, role }], { width, indent: 0, size, tracking, breakTracking: derived.lineBreakTrackingPt, justify: false }, m);
  return lines.map((line): Node => {
    const inlines: Inline[] = line.pieces.map((p) => {
      const font = m.byId(p.font) ?? m.primary(p.role);
      const inline: Inline = { text: p.text, font: p.font, fontSize: size, lineHeight: m.lineHeightFor(font, size) };
      const spacing = line.characterSpacing + (p.space ?? 0);
      if (spacing) inline.characterSpacing = spacing;
      return inline;
    });
    const ascent = Math.max(...inlines.map((t) => m.ascent(m.byId(t.font) ?? m.primary(role), t.fontSize)), 0);
    const delta = baselineShift(ascent, m);
    return { style: TEXT_LINE, text: inlines, noWrap: true, alignment, margin: [0, round(delta), 0, round(-delta)] };
  });
}

/**
 * A table (see layout.table): its title centred on the grid line above it, then a pdfmake table
 * whose header rows repeat on every page it runs onto, a 三线表's part on each page closed by its
 * bottom rule. Every row is a whole number of grid lines
 * tall: the rules' widths are taken back out of the cells' padding, so the lines after the
 * table, and the rows on the pages it runs onto, stay on the 22-line grid.
 */
/** How pdfmake laid a table out: every row's height in grid lines (header rows first), and the body rows that end a page. */
export interface TableLayout {
  rowLines: number[];
  breaks: number[];
}

export function tableNodes(table: TableBlock, m: Metrics, blankLinesBefore: number, laidOut?: TableLayout): Node[] {
  const spec = layout.table;
  const g = tableGeometry(table);
  const nodes: Node[] = [];
  const before = blankLinesBefore * pitch;
  if (table.title) {
    const lines = cellLines(table.title, spec.titleRole, tableWidthPt(table), 'center', m);
    nodes.push({ stack: lines, margin: [0, round(before), 0, 0] });
  }
  const headRows = table.header.length;
  const rows = [...table.header, ...table.rows];
  const body = rows.map((row, r) =>
    row.map((text, c) => ({
      stack: cellLines(text, r < headRows ? spec.headerRole : spec.cellRole, g.textWidths[c]!, r < headRows ? 'center' : table.align[c]!, m),
    })),
  );
  if (laidOut) laidOut.rowLines = body.map((cells) => Math.max(...cells.map((cell) => cell.stack.length)));
  const grid = table.rules === 'grid';
  const hLine = (i: number): number => {
    if (i === 0 || i === rows.length) return g.outer;
    if (grid) return g.inner;
    return headRows > 0 && i === headRows ? g.inner : 0;
  };
  const vLine = (i: number): number => (!grid ? 0 : i === 0 || i === table.align.length ? g.outer : g.inner);
  const color = `#${fontRoles.body.color}`;
  nodes.push({
    table: { headerRows: headRows, dontBreakRows: true, widths: g.textWidths.map(round), body },
    layout: {
      hLineWidth: hLine,
      vLineWidth: vLine,
      hLineColor: () => color,
      vLineColor: () => color,
      paddingLeft: () => round(g.padding),
      paddingRight: () => round(g.padding),
      // Each rule is drawn below the row above it (the table's top rule above the first), so that
      // row gives its width back; a repeated header row thus carries its own rule with it.
      paddingTop: (i: number) => (i === 0 ? -hLine(0) : 0),
      paddingBottom: (i: number) => -hLine(i + 1),
      // A 三线表's part on a page ends with its bottom rule where the table breaks (./table-break-rule.ts).
      ...(grid ? {} : { breakRule: g.outer }),
      // Handed, at each layout pass, the list it fills with the body rows (0-based in `table.rows`)
      // that end a page, for the DOCX to rule them alike.
      ...(laidOut ? { breakRows: (found: number[]) => (laidOut.breaks = found) } : {}),
    },
    margin: [0, table.title ? 0 : round(before), 0, 0],
  });
  return nodes;
}
