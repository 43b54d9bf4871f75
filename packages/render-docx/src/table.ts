import type { CellAlignment, TableBlock } from '@gongwen/model';
import { fontRoles, isLandscapeTable, layout, ptToTwip } from '@gongwen/model';
import type { FileChild } from 'docx';
import { AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { docxElements, docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { textRuns, textWidthChars } from './runs.js';
import { styleIds } from './styles.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const alignments: Record<CellAlignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/**
 * Column widths in whole twips, in proportion to the table's `widths`, summing to the block's
 * width less the padding and rules, as the PDF divides it (see layout.table).
 */
export function columnWidths(table: TableBlock): number[] {
  const columns = table.align.length;
  const shares = table.widths ?? table.align.map(() => 1);
  const total = shares.reduce((a, b) => a + b, 0);
  const width = isLandscapeTable(table) ? docxGeometry.landscape.block.width : docxGeometry.block.width;
  const pad = 2 * docxElements.tableCellPadding;
  // The padding is added to each column's text width, as in the PDF.
  const out = shares.map((s) => Math.floor(((width - columns * pad) * s) / total) + pad);
  out[columns - 1]! += width - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * A table (layout.table): the title centred on its own line, kept with the table; then a fixed
 * table as wide as the text block whose header rows repeat on every page (`w:tblHeader`), rows
 * never split, each row a whole number of grid lines tall (exact line spacing, no cell margins
 * above or below), ruled as a 三线表 or a full grid.
 */
export function tableElements(ctx: BuildContext, table: TableBlock): FileChild[] {
  const spec = layout.table;
  const out: FileChild[] = [];
  if (table.title) {
    out.push(new Paragraph({ style: styleIds.normal, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, children: textRuns(ctx, table.title, spec.titleRole, 'body') }));
  }
  const index = ctx.tables ? ctx.tables.count++ : 0;
  const laidOut = ctx.tableLayouts?.[index];
  // The body rows that end a page in the PDF: a 三线表's part there ends with its bottom rule.
  const breaks = new Set(table.rules === 'grid' ? [] : (laidOut?.breaks ?? []));
  const widths = columnWidths(table);
  const color = fontRoles.body.color;
  const outer = { style: BorderStyle.SINGLE, size: docxElements.tableOuterRule, color } as const;
  const inner = { style: BorderStyle.SINGLE, size: docxElements.tableInnerRule, color } as const;
  const grid = table.rules === 'grid';
  const headRows = table.header.length;
  const pad = docxElements.tableCellPadding;
  const margins = { top: 0, bottom: 0, left: pad, right: pad };
  // Each row exactly as many grid lines tall as its fullest cell needs: with an exact height
  // the clients draw the rules inside the row instead of adding their width to it.
  const size = ptToTwip(fontRoles.body.size);
  const linesOf = (text: string, c: number) => Math.max(1, Math.ceil((textWidthChars(text) * size) / (widths[c]! - 2 * pad) - 1e-9));
  // LibreOffice adds the table's top rule (drawn again above a repeated header) and its bottom
  // rule to the rows' exact heights: the first and last rows give their width back.
  const outerTwip = Math.round((docxElements.tableOuterRule / 8) * 20);
  // A row's lines as the PDF broke its cells when it is known (line-breaking rules included);
  // else estimated from the cells' widths.
  const rowLines = (cells: readonly string[], r: number) => laidOut?.rowLines[r] ?? Math.max(...cells.map(linesOf));
  const row = (cells: readonly string[], r: number, head: boolean, last: boolean, end = 0, closes = false) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      height: { value: docxGeometry.linePitch * rowLines(cells, r) - end, rule: HeightRule.EXACT },
      children: cells.map(
        (text, c) =>
          new TableCell({
            width: { size: widths[c]!, type: WidthType.DXA },
            margins,
            verticalAlign: VerticalAlign.TOP,
            // A 三线表's rule below the header rows is the last header row's bottom border; a row
            // that ends a page carries the table's bottom rule.
            ...(!grid && head && last ? { borders: { bottom: inner } } : {}),
            ...(closes ? { borders: { bottom: outer } } : {}),
            children: [
              new Paragraph({
                style: styleIds.normal,
                alignment: head ? AlignmentType.CENTER : alignments[table.align[c]!],
                children: text ? textRuns(ctx, text, head ? spec.headerRole : spec.cellRole, 'body') : [],
              }),
            ],
          }),
      ),
    });
  out.push(
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins,
      borders: grid
        ? { top: outer, bottom: outer, left: outer, right: outer, insideHorizontal: inner, insideVertical: inner }
        : { top: outer, bottom: outer, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        ...table.header.map((r, i) => row(r, i, true, i === headRows - 1, i === 0 ? outerTwip : 0)),
        ...table.rows.map((r, i) => {
          const closes = breaks.has(i) && i < table.rows.length - 1;
          // A row that ends a page with the bottom rule gives its width back as the last row does.
          return row(r, headRows + i, false, false, (i === table.rows.length - 1 || closes ? outerTwip : 0) + (i === 0 && !headRows ? outerTwip : 0), closes);
        }),
      ],
    }),
  );
  return out;
}
