import { layout } from '@gongwen/model';
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
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
  const [before, after] = numberAffixes();
  const footer = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          style: styleIds.footer,
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: odd ? { right: docxGeometry.pageNumberInset } : { left: docxGeometry.pageNumberInset },
          children: [new TextRun({ children: [before, PageNumber.CURRENT, after], font: runFonts(ctx.names, 'pageNumber') })],
        }),
      ],
    });
  return { default: footer(true), even: footer(false) };
}
