export type {
  Attachment,
  BodyBlock,
  Document,
  DocumentMeta,
  EndMatter,
  FontRole,
  Header,
  HeadingBlock,
  ParagraphBlock,
  Run,
  Seal,
  SignatureStamp,
  Signature,
} from './document.js';
export { blockLines, documentLines } from './document.js';
export type { FontRoleSpec, HeaderLines, HeaderShape, Layout } from './layout.js';
export { derived, fontRoles, headerLines, layout } from './layout.js';
export { mmToEmu, mmToPt, mmToTwip, ptToHalfPoint, ptToMm, ptToTwip } from './units.js';
