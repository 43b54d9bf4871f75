import { derived, fontRoles, layout, mmToPt, mmToTwip, ptToEighthPoint, ptToHalfPoint, ptToTwip } from '@gongwen/model';

/**
 * Every length the DOCX writer uses, in Word's units (twips, half-points, eighths of a point,
 * EMU), computed from the layout spec in `@gongwen/model`. Nothing here is a layout number of
 * its own: each value is a conversion or a sum of spec values, so the DOCX and the PDF agree.
 */

/** One character of the body grid (156 mm / 28), in twips. */
const charTwip = ptToTwip(derived.charPitchPt);
/** `n` body characters, in whole twips. */
export const charsTwip = (n: number): number => Math.round(n * charTwip);

/** A 4号 (page number, 版记) character in twips: their insets are counted in their own size. */
const pageNumberCharTwip = ptToTwip(fontRoles.pageNumber.size);
const endMatterCharTwip = ptToTwip(layout.endMatter.fontSize);

/** Border widths are given in eighths of a point. */
const mmToEighthPt = (mm: number): number => ptToEighthPoint(mmToPt(mm));

/** The section geometry: page, margins, grid and footer position. */
export const docxGeometry = {
  page: { width: mmToTwip(layout.page.width), height: mmToTwip(layout.page.height) },
  margins: {
    top: mmToTwip(layout.margins.top),
    bottom: mmToTwip(layout.margins.bottom),
    left: mmToTwip(layout.margins.left),
    right: mmToTwip(layout.margins.right),
  },
  block: { width: mmToTwip(layout.textBlock.width), height: mmToTwip(layout.textBlock.height) },
  /** A landscape page (layout.landscape): the sheet turned, its margins turned with it. */
  landscape: {
    margins: {
      top: mmToTwip(layout.landscape.margins.top),
      bottom: mmToTwip(layout.landscape.margins.bottom),
      left: mmToTwip(layout.landscape.margins.left),
      right: mmToTwip(layout.landscape.margins.right),
    },
    block: { width: mmToTwip(layout.landscape.textBlock.width), height: mmToTwip(layout.landscape.textBlock.height) },
    /**
     * The turned page number's line (layout.landscape): its left edge, half a 4号 line left of
     * where the portrait number's dashes stand, 7 mm below the portrait block, on the turned page.
     */
    pageNumberLeft:
      mmToTwip(layout.page.height - layout.margins.top - layout.textBlock.height - layout.pageNumber.belowBlock) -
      Math.round(ptToTwip(fontRoles.pageNumber.size) / 2),
    /** The footer's empty paragraph sits this far above the paper's bottom edge, below the turned block. */
    footerDistance: mmToTwip(layout.landscape.margins.bottom) - 2 * ptToTwip(fontRoles.pageNumber.size),
  },
  /** Word's lines grid and every paragraph's exact line spacing. */
  linePitch: derived.linePitchTwip,
  /** Run condensing that makes 28 body characters fit a line in LibreOffice and Word. */
  bodyCondense: derived.bodyCondenseTwip,
  /**
   * The footer's bottom edge above the paper's bottom edge. The page-number line is one 4号 line
   * high (exact spacing), and its centre — where the dashes are — sits 7 mm below the text block.
   */
  footerDistance: mmToTwip(
    layout.page.height - layout.margins.top - layout.textBlock.height - layout.pageNumber.belowBlock,
  ) - Math.round(ptToTwip(fontRoles.pageNumber.size) / 2),
  /** The page-number line height (exact). */
  pageNumberLine: ptToTwip(fontRoles.pageNumber.size),
  /** Odd pages right, even pages left, one 4号 character in from the text block's edge. */
  pageNumberInset: Math.round(layout.pageNumber.insetChars * pageNumberCharTwip),
} as const;

/** Indents and offsets of the elements, in twips unless the name says otherwise. */
export const docxElements = {
  paragraphIndent: charsTwip(layout.paragraph.firstLineIndentChars),
  /** Word's `firstLineChars` is in hundredths of a character; LibreOffice reads the twips instead. */
  paragraphIndentChars: layout.paragraph.firstLineIndentChars * 100,
  organMarkTop: mmToTwip(layout.header.organMarkTop),
  upwardInset: charsTwip(layout.header.upwardInsetChars),
  /**
   * The red rule: a bottom border on the 发文字号 paragraph, `space` in whole points between the
   * line box and the rule. The rule's centre is to stand 4 mm below the line's em box, which sits
   * in the middle of its exact line box: so 4 mm less the leading below the em box and half the
   * rule's thickness.
   */
  ruleSize: ptToEighthPoint(layout.header.ruleThicknessPt),
  ruleSpace: Math.max(
    0,
    Math.round(
      mmToPt(layout.header.ruleGapBelowNumber) - (derived.linePitchPt - fontRoles.body.size) / 2 - layout.header.ruleThicknessPt / 2,
    ),
  ),
  addresseeBefore: layout.addressee.blankLinesBefore * derived.linePitchTwip,
  attachmentNoteBefore: layout.attachmentNote.blankLinesBefore * derived.linePitchTwip,
  attachmentNoteIndent: charsTwip(layout.attachmentNote.indentChars),
  notesIndent: charsTwip(layout.notes.indentChars),
  endMatterInset: Math.round(layout.endMatter.insetChars * endMatterCharTwip),
  endMatterOuterRule: mmToEighthPt(layout.endMatter.outerRule),
  endMatterInnerRule: mmToEighthPt(layout.endMatter.innerRule),
  endMatterSize: ptToHalfPoint(layout.endMatter.fontSize),
  /** Tables: cell padding left and right, and the rules' widths in eighths of a point. */
  tableCellPadding: charsTwip(layout.table.cellPaddingChars),
  tableOuterRule: mmToEighthPt(layout.table.outerRule),
  tableInnerRule: mmToEighthPt(layout.table.innerRule),
  /** The seal image, 42 mm across, in CSS pixels (docx converts them to EMU at 96 dpi). */
  sealPx: Math.round((mmToPt(layout.signature.sealed.sealDiameter) * 96) / 72),
} as const;

/** Size of a role's text in half-points. */
export const roleSize = (role: keyof typeof fontRoles): number => ptToHalfPoint(fontRoles[role].size);
