export type {
  Attachment,
  BodyBlock,
  Document,
  DocumentMeta,
  DocumentOrigins,
  EndMatter,
  FontRole,
  Header,
  CellAlignment,
  HeadingBlock,
  Origin,
  PlaceableMessage,
  ParagraphBlock,
  Run,
  TableBlock,
  TableRules,
  Seal,
  SignatureStamp,
  Signature,
} from './document.js';
export { blockLines, documentLines, originAt, placeAtOrigin, tableLines } from './document.js';
export type { FontRoleSpec, HeaderLines, HeaderShape, Layout } from './layout.js';
export { derived, fontRoles, headerLines, isLandscapeTable, layout, portraitToLandscape } from './layout.js';
export { eighthPointToPt, mmToEmu, mmToPt, mmToTwip, ptToEighthPoint, ptToHalfPoint, ptToMm, ptToTwip, twipToPt } from './units.js';
export {
  chineseContext,
  formatChineseDate,
  fullWidthMarks,
  breakBeforeEllipsis,
  halfWidthInChineseContext,
  hanCharacter,
  isCalendarDate,
  isChineseContext,
  isHan,
  lineBreakClasses,
  splitsPair,
  westernBreakAllowed,
} from './chinese-text.js';
