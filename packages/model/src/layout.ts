import type { FontRole } from './document.js';
import { mmToPt, mmToTwip, ptToTwip, twipToPt } from './units.js';

/**
 * The GB/T 9704-2012 layout as data. Clause numbers refer to the standard. Both renderers read
 * these numbers; neither writes a layout number of its own. Lengths are in mm unless the name
 * says pt; "lines" count grid lines, "chars" count characters of the element's own size.
 */
export interface FontRoleSpec {
  /** Size in pt (三号 16, 二号 22, 四号 14). */
  size: number;
  /**
   * Family names a government PC has, in order of preference; the first is written into DOCX.
   * Latin letters, digits and the punctuation Unicode shares between scripts are set in the same
   * font (see `layout.text`).
   */
  families: string[];
  /** Hex colour without '#'. */
  color: string;
  bold: boolean;
}

export const fontRoles: Record<FontRole, FontRoleSpec> = {
  // 7.3.1 标题: 2号小标宋
  title: { size: 22, families: ['方正小标宋简体', '方正小标宋_GBK', '小标宋', 'FZXiaoBiaoSong-B05S'], color: '000000', bold: false },
  // 5.2.2: every element 3号仿宋 unless stated otherwise
  body: { size: 16, families: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'], color: '000000', bold: false },
  // 7.3.3 level-1 headings, 7.2.2 密级, 7.2.3 紧急程度, 7.3.7 附件 label: 黑体
  heading1: { size: 16, families: ['黑体', 'SimHei', 'STHeiti'], color: '000000', bold: false },
  // 7.3.3 level-2 headings, 7.2.6 签发人 names: 楷体
  heading2: { size: 16, families: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'], color: '000000', bold: false },
  // 7.5 页码: 4号半角宋体
  pageNumber: { size: 14, families: ['宋体', 'SimSun', 'STSong'], color: '000000', bold: false },
  // 7.2.4 发文机关标志: red 小标宋, size at the office's discretion (一号 is common practice)
  organMark: { size: 26, families: ['方正小标宋简体', '方正小标宋_GBK', '小标宋', 'FZXiaoBiaoSong-B05S'], color: 'FF0000', bold: false },
};

export const layout = {
  /** 5.1: A4. */
  page: { width: 210, height: 297 },
  /** 5.2.1: 天头 37, 订口 28, 版心 156 × 225 → bottom 35, right 26. */
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  textBlock: { width: 156, height: 225 },
  /** 5.2.3: 22 lines of 28 characters fill the text block. */
  grid: { linesPerPage: 22, charsPerLine: 28 },
  /** 6: printing red (Y80 M80 on press; pure red on screen, as offices' templates use). */
  red: 'FF0000',
  header: {
    /** 7.2.4: top edge of the 发文机关标志 below the top edge of the text block. */
    organMarkTop: 35,
    /** 7.2.5: 发文字号 two lines below the 标志. */
    documentNumberLinesBelowMark: 2,
    /** 7.2.5/7.2.6 上行文: 发文字号 left and 签发人 right, each inset one character. */
    upwardInsetChars: 1,
    /** 7.2.6: 签发人 names, normally two to a line; 发文字号 stands on the last line. */
    signersPerLine: 2,
    /** 7.2.7: red rule 4 mm below the 发文字号, as wide as the text block; thickness is practice. */
    ruleGapBelowNumber: 4,
    ruleThicknessPt: 2,
    /** Joint issuance: line height of the stacked organ names, as a multiple of the mark's size (practice). */
    organMarkLineHeight: 1.2,
    /** Joint issuance: gap between the stacked organ names and the "文件" to their right, in mark characters (practice). */
    jointSuffixGapChars: 0.5,
  },
  title: {
    /** 7.3.1: two lines below the red rule. */
    linesBelowRule: 2,
  },
  addressee: {
    /** 7.3.2: one blank line below the title. */
    blankLinesBefore: 1,
  },
  /**
   * How a line is filled, decided once for the PDF and the DOCX (Word and LibreOffice), so the
   * same text breaks into the same lines in all three.
   */
  text: {
    /**
     * One font per run: Latin letters, digits and the characters Unicode shares between scripts
     * (“ ” ‘ ’ —— …… ·) are set in the role's own Chinese font, full width where it draws them so
     * (GB/T 9704 text is set in the body font). A DOCX that named a Latin font for them would let
     * each client pick by its own script rules: LibreOffice sets a quote after a digit in the Latin font.
     */
    oneFontPerRun: true,
    /**
     * Space between a Chinese character and a Latin letter or digit next to it (自动调整中文与西文、
     * 数字的间距), in ems of the text's size: LibreOffice always adds a fifth of the font height
     * (it ignores `w:autoSpaceDE`/`w:autoSpaceDN`), Word adds it while those are on (its default),
     * so the PDF adds it too. Not added next to punctuation.
     */
    autospaceEm: 0.2,
    /**
     * The resolution lines are fitted at, in device pixels a point: LibreOffice lays a DOCX out on
     * an 8640-dpi reference device (six pixels a twip), rounding each glyph's advance to a whole
     * pixel and each finished run's width to a whole twip (measured: `政1` repeated fits at
     * 8,706 twips, not the exact 8,702.08). The PDF fits lines in the same units, so a line
     * LibreOffice fits by a fraction of a twip fits in both.
     */
    fitPixelsPerPt: 120,
    /**
     * Punctuation never hangs past the right edge: where a closing mark would be the 29th character,
     * the character before it moves down with it (避头尾), as LibreOffice does. Its hanging mode
     * drops the hanging glyph from justified lines, so the DOCX cannot ask for hanging.
     */
    hangingPunctuation: false,
    /**
     * Bold runs (a style's 加粗 leads): the Chinese faces of a 公文 have no bold weight, so the
     * glyphs are drawn with their outline stroked this wide, in ems, as Word emboldens 仿宋_GB2312;
     * the advances do not change, so a bold run breaks lines as a regular one does.
     */
    boldStrokeEm: 0.03,
    /**
     * GB/T 15834 避头尾, where a line's overflow falls in Chinese text: these never start a line …
     * (the Simplified Chinese lists of LibreOffice 7.4, exactly, and, written into the DOCX, of Word;
     * `%` `℃` are not among them: after a digit UAX #14 keeps them, after a Chinese character or a
     * quotation mark LibreOffice lets them start a line, and so does the PDF). The
     * 破折号 —— may start a line (GB/T 15834 5.1.4), and so may the 省略号 …… after punctuation
     * (`。……`); after a character it stays with that character (`等……`), as UAX #14 has it, by
     * which LibreOffice breaks around the pair in the DOCX (`breakBeforeEllipsis`). Neither is
     * ever split (`unsplittable`).
     */
    noLineStart: '，。、；：？！）》」』】〕〗〉”’·～々‖•―′｜｝．,.;:?!)]}¢\'"〞ˇˉ￠-︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞︴︶︸︺︼︾﹀﹂﹄﹏',
    /** … and these never end one. */
    noLineEnd: '（《「『【〔〖〈〝“‘［｛£¥￡￥([{\'"‵︵︷︹︻︽︿﹁﹃﹙﹛﹝',
    /** Pairs never split across lines (GB/T 15834 5.1.4 破折号, 5.1.5 省略号). */
    unsplittable: ['——', '……'] as readonly string[],
  },
  paragraph: {
    /** 7.3.3: first line indented two characters, continuation flush left. */
    firstLineIndentChars: 2,
  },
  headings: {
    /** 7.3.3: level → font role. */
    roles: { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' } as Record<1 | 2 | 3 | 4, FontRole>,
    /** Headings stand indented like paragraphs (practice of every seed report). */
    indentChars: 2,
    /**
     * A heading never ends a page: with the headings directly above it, it moves to the next page
     * when no line of its text would follow it on this one (Word's and LibreOffice's keep with
     * next; at least the first line of the text comes along). The grid wins over widow and orphan
     * control: pages hold 22 lines (5.2.3), so a paragraph may leave one line at a page's foot or
     * top, as GB/T 9704 documents set by typists do.
     */
    keepWithNext: true,
  },
  /**
   * Tables (ch. 8 and the statistics tables reports carry): cells in the body font at the body's
   * size (5.2.2: 3号仿宋 unless stated otherwise), every row a whole number of grid lines tall so
   * the text after the table stays on the 22-line grid; the title centred on the line above.
   */
  table: {
    /** Font role of the cells; header cells are set in `headerRole`. */
    cellRole: 'body' as FontRole,
    headerRole: 'heading1' as FontRole,
    titleRole: 'heading1' as FontRole,
    /** Left and right padding inside a cell, in characters of the body size. */
    cellPaddingChars: 0.25,
    /** Rules in mm: a 三线表's top and bottom rules and a grid's frame are `outerRule`, the others `innerRule`. */
    outerRule: 0.35,
    innerRule: 0.25,
    /** Default ruling when a style does not say. */
    defaultRules: 'three-line' as 'three-line' | 'grid',
    /** Largest table the data may carry: rows (header included), columns, characters in a cell. */
    maxRows: 500,
    maxColumns: 12,
    maxCellChars: 200,
    /**
     * Ch. 8 横排表格: a table of this many columns or more goes on landscape pages of its own. In
     * the 156 mm portrait block such a column is under three characters wide once padded, so a
     * four-character head (收案数量) stacks two characters a line; turned, the 225 mm block gives
     * it 4½. The data need not say: the rule reads the table's shape.
     */
    landscapeColumns: 9,
  },
  /**
   * Ch. 8: a landscape page is the portrait sheet turned a quarter clockwise, its head toward the
   * left edge of the portrait page — toward the binding edge on an odd page, the outer edge on an
   * even one (the standard's rule for both). The text block is the portrait block turned, 225 mm
   * wide and 156 mm tall, in the same place on the sheet: the 订口 (28 mm) becomes the top margin,
   * the 翻口 (26 mm) the bottom, the foot (35 mm) the left and the 天头 (37 mm) the right. The
   * page number stands where it stands on the portrait pages of the bound document (7.5, ch. 8:
   * 页码位置与其他页一致), so on the turned page it reads sideways, near its left edge.
   */
  landscape: {
    page: { width: 297, height: 210 },
    margins: { top: 28, bottom: 26, left: 35, right: 37 },
    textBlock: { width: 225, height: 156 },
  },
  attachmentNote: {
    /** 7.3.4: one blank line below the body, indented two characters. */
    blankLinesBefore: 1,
    indentChars: 2,
  },
  signature: {
    /** 7.3.5.2 without seal: one blank line, 署名 right inset 2 chars, date starts 2 chars right of the 署名. */
    unsealed: { blankLinesBefore: 1, organRightInsetChars: 2, dateOffsetChars: 2 },
    /**
     * 7.3.5.1 with seal: date right inset 4 chars, 署名 centred over the date, seal within one line of the body.
     * Joint: the seals stand side by side, one character apart so they neither touch nor overlap.
     * The 署名 sits on the third grid line below the body, so the seal, from the first, presses 署名 and date.
     */
    sealed: { blankLinesBefore: 1, dateRightInsetChars: 4, sealDiameter: 42, sealMaxGapLines: 1, jointSealGapChars: 1, organLinesBelowBody: 3 },
    /**
     * 7.3.5.3 with the signatory's signature stamp: two blank lines below the body, the stamp right
     * inset 4 chars, the full title 2 chars to its left and centred on it; the date after one blank
     * line, right inset 4 chars; joint: one organ a row, host first. The standard gives no stamp
     * size: it is set one grid line tall (practice), so each row keeps the grid.
     */
    stamped: { blankLinesBefore: 2, stampRightInsetChars: 4, titleGapChars: 2, stampHeightLines: 1, blankLinesBeforeDate: 1, dateRightInsetChars: 4 },
  },
  attachments: {
    /** 7.3.7: each on a new page; "附件N" in 黑体 on line 1, the title centred on line 3, then the body after a blank line. */
    labelLine: 1,
    titleLine: 3,
    blankLinesAfterTitle: 1,
  },
  notes: {
    /** 7.3.6: indented two characters, on the line after the 成文日期. */
    indentChars: 2,
  },
  endMatter: {
    /** 7.4: 4号仿宋, one character inset left and right. */
    fontSize: 14,
    insetChars: 1,
    /** 7.4.1: first and last rules 0.35 mm, rules between 0.25 mm; last rule on the block's bottom edge. */
    outerRule: 0.35,
    innerRule: 0.25,
    /** Practice (7.4 read with double-sided printing): the 版记 stands on an even page. */
    evenPage: true,
  },
  pageNumber: {
    /** 7.5: `— N —`, 4号宋体, the dashes 7 mm below the text block, odd pages right, even left, one char inset. */
    format: (n: number): string => `— ${n} —`,
    belowBlock: 7,
    insetChars: 1,
  },
} as const;

export type Layout = typeof layout;

/** Numbers that follow from the spec above, computed once so renderers agree to the last digit. */
export const derived = {
  pageWidthPt: mmToPt(layout.page.width),
  pageHeightPt: mmToPt(layout.page.height),
  marginsPt: {
    top: mmToPt(layout.margins.top),
    bottom: mmToPt(layout.margins.bottom),
    left: mmToPt(layout.margins.left),
    right: mmToPt(layout.margins.right),
  },
  blockWidthPt: mmToPt(layout.textBlock.width),
  /** The landscape page's text block and margins (layout.landscape), in pt. */
  landscape: {
    pageWidthPt: mmToPt(layout.landscape.page.width),
    pageHeightPt: mmToPt(layout.landscape.page.height),
    marginsPt: {
      top: mmToPt(layout.landscape.margins.top),
      bottom: mmToPt(layout.landscape.margins.bottom),
      left: mmToPt(layout.landscape.margins.left),
      right: mmToPt(layout.landscape.margins.right),
    },
    blockWidthPt: mmToPt(layout.landscape.textBlock.width),
    blockHeightPt: mmToPt(layout.landscape.textBlock.height),
  },
  blockHeightPt: mmToPt(layout.textBlock.height),
  /** 225 mm / 22 = 28.99 pt between baselines. */
  linePitchPt: mmToPt(layout.textBlock.height) / layout.grid.linesPerPage,
  /** 156 mm / 28 = 15.79 pt per character: a 16 pt character tracked by −0.207 pt. */
  charPitchPt: mmToPt(layout.textBlock.width) / layout.grid.charsPerLine,
  /** Tracking that makes 28 body characters fill the block exactly. */
  bodyTrackingPt: mmToPt(layout.textBlock.width) / layout.grid.charsPerLine - fontRoles.body.size,
  /**
   * DOCX line pitch in whole twips: 22 × 579 = 12738 fits the 12756-twip block, 580 would not.
   * Used as Word's lines grid pitch and as every paragraph's exact line spacing.
   */
  linePitchTwip: Math.floor(mmToTwip(layout.textBlock.height) / layout.grid.linesPerPage),
  /**
   * DOCX run condensing in whole twips (−5 = −0.25 pt): the tracking rounded down, so 28 body
   * characters still fit the 156 mm line (−4 twips would let only 27 fit).
   */
  bodyCondenseTwip: Math.floor(ptToTwip(mmToPt(layout.textBlock.width) / layout.grid.charsPerLine - fontRoles.body.size)),
  /**
   * The tracking lines are broken at, in pt: the DOCX's whole-twip condensing (−0.25 pt), which
   * Word and LibreOffice fit lines with, so the PDF breaks every line where they do. Full lines
   * are then justified to the block's edge in the PDF as in the clients.
   */
  lineBreakTrackingPt: twipToPt(Math.floor(ptToTwip(mmToPt(layout.textBlock.width) / layout.grid.charsPerLine - fontRoles.body.size))),
  /**
   * The width lines are broken at, in pt: the text block as the DOCX gives it, page less margins in
   * whole twips (11906 − 1587 − 1474 = 8845 twips, 0.045 pt wider than 156 mm), so a line that
   * Word and LibreOffice fit by a hair fits in the PDF too. Lines are still justified to 156 mm.
   */
  lineBreakWidthPt: twipToPt(mmToTwip(layout.page.width) - mmToTwip(layout.margins.left) - mmToTwip(layout.margins.right)),
};

/** Whether a table goes on landscape pages (layout.table.landscapeColumns). */
export function isLandscapeTable(table: { align: readonly unknown[] }): boolean {
  return table.align.length >= layout.table.landscapeColumns;
}

/**
 * Where a point of the portrait page lies on the landscape page (both in pt from their top-left
 * corners): the sheet turned a quarter clockwise, the portrait page's left edge on top.
 */
export function portraitToLandscape(p: { x: number; y: number }): { x: number; y: number } {
  return { x: derived.landscape.pageWidthPt - p.y, y: p.x };
}

/** What decides the 版头's height: its flag lines (份号, 密级, 紧急程度), its organ names and 签发人 rows. */
export interface HeaderShape {
  flagLines: number;
  organs: number;
  signerRows: number;
}

/** Grid lines (0-based, from the block top) the 版头 puts its parts on. */
export interface HeaderLines {
  /** Line of the 发文字号 (of the first 签发人 row in a 上行文). */
  numberLine: number;
  /** Line of the 发文字号 in a 上行文 (the last 签发人 row); `numberLine` otherwise. */
  numberRow: number;
  /** Line of the title's first line. */
  titleLine: number;
}

/**
 * The grid lines of the 版头, decided once for both renderers from the spec alone: the
 * 发文字号 two blank lines below the line holding the 发文机关标志's foot (7.2.5), the title two
 * blank lines below the line holding the red rule (7.3.1). The mark's em box is taken as one em
 * of its size, a stacked name `organMarkLineHeight` apart, and a body line's em box as centred
 * in its grid line, so no font's metrics move a part to another line.
 */
export function headerLines(shape: HeaderShape): HeaderLines {
  const pitch = derived.linePitchPt;
  const size = fontRoles.organMark.size;
  const markBottom = mmToPt(layout.header.organMarkTop) + size + Math.max(0, shape.organs - 1) * layout.header.organMarkLineHeight * size;
  const numberLine = Math.max(shape.flagLines, Math.floor(markBottom / pitch) + 1 + layout.header.documentNumberLinesBelowMark);
  const numberRow = numberLine + Math.max(0, shape.signerRows - 1);
  const ruleY = numberRow * pitch + (pitch + fontRoles.body.size) / 2 + mmToPt(layout.header.ruleGapBelowNumber);
  const titleLine = Math.floor(ruleY / pitch) + 1 + layout.title.linesBelowRule;
  return { numberLine, numberRow, titleLine };
}
