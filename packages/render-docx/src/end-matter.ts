import type { EndMatter } from '@gongwen/model';
import { fontRoles } from '@gongwen/model';
import type { FileChild } from 'docx';
import {
  BorderStyle,
  OverlapType,
  Paragraph,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { runFonts } from './font-names.js';
import { docxElements, docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { textRuns } from './runs.js';
import { styleIds } from './styles.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * 版记 (7.4): a one-column table as wide as the block, floated to the foot of the text block so
 * its last rule lies on the block's bottom edge. First and last rules 0.35 mm, rules between
 * 0.25 mm; 4号 text one character in from each side; 印发机关 left and 印发日期 right on one line.
 */
export function endMatterTable(ctx: BuildContext, endMatter: EndMatter): FileChild[] {
  const width = docxGeometry.block.width;
  const rows: Paragraph[] = [];
  const line = (text: string) =>
    new Paragraph({ style: styleIds.endMatter, children: textRuns(ctx, text, 'body', 'body') });
  if (endMatter.mainTo) rows.push(line(endMatter.mainTo));
  if (endMatter.copyTo) rows.push(line(endMatter.copyTo));
  if (endMatter.printer || endMatter.printDate) {
    rows.push(
      new Paragraph({
        style: styleIds.endMatter,
        tabStops: [{ type: TabStopType.RIGHT, position: width - docxElements.endMatterInset }],
        children: [
          ...textRuns(ctx, endMatter.printer ?? '', 'body', 'body'),
          new TextRun({ children: [new Tab()], font: runFonts(ctx.names, 'body') }),
          ...textRuns(ctx, endMatter.printDate ?? '', 'body', 'body'),
        ],
      }),
    );
  }
  if (!rows.length) return [];
  // The rules are printed in the text's colour (black).
  const color = fontRoles.body.color;
  const outer = { style: BorderStyle.SINGLE, size: docxElements.endMatterOuterRule, color } as const;
  const inner = { style: BorderStyle.SINGLE, size: docxElements.endMatterInnerRule, color } as const;
  const margins = { top: 0, bottom: 0, left: 0, right: 0 };
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      // Zero cell margins at table level too: LibreOffice shifts a floating table by them.
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: { top: outer, bottom: outer, left: none, right: none, insideHorizontal: inner, insideVertical: none },
      float: {
        // Anchored to the page edge: LibreOffice keeps a margin-anchored table that fills the
        // text width inline (it checks the width against the anchor's width).
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: docxGeometry.margins.left,
        verticalAnchor: TableAnchorType.MARGIN,
        // Rows are exactly one grid line each, so the table's height is known: LibreOffice ignores
        // a bottom-aligned (tblpYSpec) table, but places an absolute offset.
        absoluteVerticalPosition: docxGeometry.block.height - rows.length * docxGeometry.linePitch,
        overlap: OverlapType.NEVER,
      },
      rows: rows.map(
        (paragraph) =>
          new TableRow({ children: [new TableCell({ width: { size: width, type: WidthType.DXA }, margins, children: [paragraph] })] }),
      ),
    }),
    // A floating table is anchored to the paragraph after it; without one LibreOffice drops it.
    new Paragraph({ style: styleIds.normal, children: [] }),
  ];
}
