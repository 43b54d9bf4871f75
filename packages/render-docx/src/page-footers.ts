import { layout } from '@gongwen/model';
import { AlignmentType, BorderStyle, Footer, HeightRule, OverlapType, PageNumber, Paragraph, Table, TableAnchorType, TableCell, TableRow, TextDirection, TextRun, VerticalAlign, WidthType } from 'docx';
import { runFonts } from './font-names.js';
import { docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { styleIds } from './styles.js';

/** The text around the number, taken from the spec's own format (`— N —`). */
function numberAffixes(): [string, string] {
  const marker = '\u0000';
  const [before = '', after = ''] = layout.pageNumber.format(marker as unknown as number).split(marker);
  return [before, after];
}

/**
 * 页码 (7.5): `— N —` in 4号宋体 with a PAGE field, odd pages on the right and even pages on the
 * left, one character in from the block's edge. The document turns on odd/even footers.
 */
export function pageFooters(ctx: BuildContext): { default: Footer; even: Footer } {
  const footer = (odd: boolean) => new Footer({ children: [pageNumberParagraph(ctx, odd)] });
  return { default: footer(true), even: footer(false) };
}

/** The page number's paragraph: odd pages right, even pages left, one character in. */
function pageNumberParagraph(ctx: BuildContext, odd: boolean): Paragraph {
  const [before, after] = numberAffixes();
  return new Paragraph({
    style: styleIds.footer,
    alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: odd ? { right: docxGeometry.pageNumberInset } : { left: docxGeometry.pageNumberInset },
    children: [new TextRun({ children: [before, PageNumber.CURRENT, after], font: runFonts(ctx.names, 'pageNumber') })],
  });
}

/**
 * The page numbers of a landscape section (layout.landscape): where the portrait pages have them,
 * so on the turned page they read down its left edge. The portrait footer's paragraph stands in a
 * one-cell table floated to that place whose text runs top to bottom (`w:textDirection tbRl`):
 * the cell is one page-number line wide, centred 7 mm left of the turned block, and as tall as the
 * portrait block is wide, from the portrait block's left edge, so the same alignment and inset put
 * the number where the portrait footer does.
 */
export function turnedPageFooters(ctx: BuildContext): { default: Footer; even: Footer } {
  const g = docxGeometry;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const footer = (odd: boolean) =>
    new Footer({
      children: [
        new Table({
          width: { size: g.pageNumberLine, type: WidthType.DXA },
          columnWidths: [g.pageNumberLine],
          margins,
          borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
          float: {
            horizontalAnchor: TableAnchorType.PAGE,
            absoluteHorizontalPosition: g.landscape.pageNumberLeft,
            verticalAnchor: TableAnchorType.PAGE,
            absoluteVerticalPosition: g.margins.left,
            overlap: OverlapType.OVERLAP,
          },
          rows: [
            new TableRow({
              height: { value: g.block.width, rule: HeightRule.EXACT },
              children: [
                new TableCell({
                  width: { size: g.pageNumberLine, type: WidthType.DXA },
                  margins,
                  textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                  verticalAlign: VerticalAlign.CENTER,
                  children: [pageNumberParagraph(ctx, odd)],
                }),
              ],
            }),
          ],
        }),
        new Paragraph({ style: styleIds.footer, children: [] }),
      ],
    });
  return { default: footer(true), even: footer(false) };
}
