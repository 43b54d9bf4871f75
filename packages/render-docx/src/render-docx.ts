import type { Diagnostic, Result } from '@gongwen/diagnostics';
import type { Document as GongwenDocument, FontRole } from '@gongwen/model';
import { fontRoles, layout } from '@gongwen/model';
import type { FileChild } from 'docx';
import { Document, DocumentGridType, Footer, PageOrientation, Paragraph, SectionType } from 'docx';
import { normalizePackage, packageParts } from './docx-package.js';
import { installDocxHooks } from './docx-hooks.js';
import { endMatterTable } from './end-matter.js';
import { resolveFontNames } from './font-names.js';
import { setStyleSwitches } from './style-properties.js';
import { docxGeometry } from './geometry.js';
import { headerBlock, titleBefore } from './header-block.js';
import { addresseeLine, attachmentNote, attachmentPages, bodyBlocks, notesLines, titleLines } from './main-text.js';
import { pageFooters, turnedPageFooters } from './page-footers.js';
import { knowsStyles, reuseParts, type FooterKind } from './reused-parts.js';
import type { BuildContext, TableLayout } from './runs.js';
import { say } from './runs.js';
import { signatureBlock } from './signature.js';
import { buildStyles, setLineBreakRules, styleIds, styleSwitches } from './styles.js';

/** A loaded font file, as `@gongwen/fonts` resolves it (only what embedding needs). */
export interface EmbeddableFont {
  bytes: Uint8Array;
  family: string;
}

/** Per role, an ordered fallback chain; the first font of each chain is the one embedded. */
export type EmbeddableFontSet = Partial<Record<FontRole, readonly EmbeddableFont[]>>;

export interface RenderDocxOptions {
  /** Embed these font files (the first of each role), under the DOCX font names, for machines that lack them. */
  embedFonts?: EmbeddableFontSet;
  /** The family names written into the DOCX, per role; default: the first family of each role in the layout spec. */
  fontNames?: Partial<Record<FontRole, string>>;
  /** Language of the diagnostics; Chinese by default. */
  lang?: 'zh' | 'en';
  /**
   * The 版记 page follows a blank page (the text ends on an even page), as the PDF's layout of the
   * same document found (`renderPdf`'s result): its section then has empty footers, so neither it
   * nor the blank page is numbered (7.5). Without it the 版记 page keeps the running page number.
   */
  endMatterAfterBlankPage?: boolean;
  /**
   * Where the last line of the body's last paragraph starts (UTF-16 offset into its text), as the
   * PDF of the same document breaks it (`renderPdf`'s result): the paragraph is split there so
   * that line goes with the signature. Without it the split is estimated (see the README).
   */
  lastBodyLineStart?: number;
  /**
   * For each table in document order (the body's, then the attachments'), as the PDF of the same
   * document lays it out (`renderPdf`'s `tables`): each row's height in grid lines (`rowLines`),
   * which the rows' exact heights then take, and the body rows that end a page (`breaks`), where
   * a 三线表's part then ends with its bottom rule, as in the PDF. Without it row heights are
   * estimated from the cells' widths (see the README) and no rule is drawn where a table breaks
   * (neither Word nor LibreOffice repeats a table's bottom border there).
   */
  tables?: readonly TableLayout[];
}

export interface RenderDocxResult extends Result {
  docx: Uint8Array;
  diagnostics: Diagnostic[];
}

/**
 * Writes a Document as a DOCX in GB/T 9704 layout: A4 with 37/35/28/26 mm margins, 22 lines of
 * 28 characters (Word's lines grid plus −0.25 pt condensing), real Word styles, odd/even page
 * numbers. The same Document gives the same bytes.
 */
export async function renderDocx(doc: GongwenDocument, options: RenderDocxOptions = {}): Promise<RenderDocxResult> {
  installDocxHooks();
  const ctx: BuildContext = { names: resolveFontNames(options.fontNames), diagnostics: [], lang: options.lang ?? 'zh', tables: { count: 0 }, landscape: new Set(), ...(options.tables ? { tableLayouts: options.tables } : {}) };
  const children: FileChild[] = [];
  if (doc.header) children.push(...headerBlock(ctx, doc.header));
  children.push(...titleLines(ctx, doc.title, doc.header ? titleBefore(doc.header) : undefined));
  if (doc.addressee) children.push(addresseeLine(ctx, doc.addressee, doc.title.length > 0));
  // Without 主送机关 the body keeps the blank line below the title that the addressee would have had.
  else if (doc.title.length > 0) children.push(...blankLines(layout.addressee.blankLinesBefore));
  // The signature never opens a page on its own (7.3.5.5 would rather tighten the spacing): the
  // last body paragraph and the 附件说明 go with it, LibreOffice and Word moving only the last line.
  const signed = doc.signature !== undefined;
  children.push(...bodyBlocks(ctx, doc.body, signed && !doc.attachmentNote?.length, options.lastBodyLineStart));
  if (doc.attachmentNote?.length) children.push(...attachmentNote(ctx, doc.attachmentNote, signed));
  if (doc.signature) children.push(...signatureBlock(ctx, doc.signature));
  if (doc.notes?.length) children.push(...notesLines(ctx, doc.notes));
  if (doc.attachments?.length) children.push(...attachmentPages(ctx, doc.attachments));
  const endMatter = doc.endMatter ? endMatterTable(ctx, doc.endMatter) : [];
  const evenPage = endMatter.length > 0 && layout.endMatter.evenPage;

  const fonts = embeddedFonts(ctx, options.embedFonts);
  const partsKey = JSON.stringify(ctx.names);
  const body = bodySections(evenPage ? children : [...children, ...endMatter], ctx.landscape!, () => pageFooters(ctx), () => turnedPageFooters(ctx));
  const file = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    ...(doc.meta.subject ? { subject: doc.meta.subject } : {}),
    ...(doc.meta.keywords?.length ? { keywords: doc.meta.keywords.join('；') } : {}),
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    // Once these names' styles.xml is known, docx's own is never written: no style options to build.
    ...(knowsStyles(partsKey) ? {} : { styles: buildStyles(ctx.names) }),
    // The theme's fonts are what Word and WPS fall back to; naming ours there keeps them from
    // asking for 等线 or Calibri, which a document in GB format never uses. Latin text is set
    // in the same fonts (layout.text.oneFontPerRun).
    theme: {
      fonts: {
        headings: { latin: ctx.names.heading1, eastAsia: ctx.names.heading1, scripts: { Hans: ctx.names.heading1 } },
        body: { latin: ctx.names.body, eastAsia: ctx.names.body, scripts: { Hans: ctx.names.body } },
      },
    },
    ...(fonts.length ? { fonts } : {}),
    sections: [
      ...body.sections,
      ...(evenPage ? [endMatterSection(endMatter, options.endMatterAfterBlankPage === true)] : []),
    ],
  });
  // Footers in docx's order: the body sections' page numbers (odd, even), then the 版记 section's own empty ones.
  const footerKinds: FooterKind[] = [...body.footerKinds, ...(evenPage && options.endMatterAfterBlankPage === true ? (['empty', 'empty'] as const) : [])];
  const withReusedParts = reuseParts(file, partsKey, footerKinds, fonts.length > 0, {
    'word/styles.xml': (styles) => setStyleSwitches(styles, styleSwitches),
    'word/settings.xml': setLineBreakRules,
  });
  const docx = normalizePackage(withReusedParts(packageParts(file)), { created: doc.meta.created });
  if (fonts.length) {
    const size = (docx.length / 1_048_576).toFixed(1);
    ctx.diagnostics.push({
      severity: 'info',
      ruleId: 'render-docx/embedded-fonts',
      message: say(
        ctx,
        `已嵌入 ${fonts.length} 个字体（${fonts.map((f) => f.name).join('、')}），DOCX 为 ${size} MB。`,
        `Embedded ${fonts.length} fonts (${fonts.map((f) => f.name).join(', ')}); the DOCX is ${size} MB.`,
      ),
      hint: say(ctx, '嵌入的是完整字体文件；对方电脑已装有这些字体时不必嵌入。', 'Whole font files are embedded; leave them out when the recipients have these fonts.'),
    });
  }
  return { docx, diagnostics: ctx.diagnostics };
}

/**
 * The fonts to embed: the first of each role's chain under the role's DOCX name, each file once
 * (a stand-in serving two roles, such as 仿宋 and 宋体, is embedded under the first name only).
 */
function embeddedFonts(ctx: BuildContext, set: EmbeddableFontSet | undefined) {
  const out: { name: string; data: Buffer }[] = [];
  const files: Uint8Array[] = [];
  if (!set) return out;
  for (const role of Object.keys(fontRoles) as FontRole[]) {
    const font = set[role]?.[0];
    const name = ctx.names[role];
    if (!font || out.some((f) => f.name === name) || files.some((bytes) => sameBytes(bytes, font.bytes))) continue;
    const magic = String.fromCharCode(...font.bytes.subarray(0, 4));
    if (magic === 'ttcf') {
      ctx.diagnostics.push({
        severity: 'warning',
        ruleId: 'render-docx/embed-collection',
        message: say(ctx, `字体“${font.family}”是字体集（TTC），DOCX 无法嵌入，“${name}”未嵌入。`, `The font “${font.family}” is a TrueType collection (TTC), which a DOCX cannot embed; “${name}” is not embedded.`),
        hint: say(ctx, '为该字体角色配置单独的 TTF 或 OTF 文件。', 'Configure a single TTF or OTF file for this font role.'),
      });
      continue;
    }
    files.push(font.bytes);
    out.push({ name, data: Buffer.from(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength) });
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Page size, margins, footer distance and the lines grid, the same for every section. */
function sectionProperties() {
  return {
    page: {
      size: { width: docxGeometry.page.width, height: docxGeometry.page.height },
      margin: {
        top: docxGeometry.margins.top,
        bottom: docxGeometry.margins.bottom,
        left: docxGeometry.margins.left,
        right: docxGeometry.margins.right,
        // There is no header; its distance mirrors the footer's so nothing reaches into the block.
        header: docxGeometry.footerDistance,
        footer: docxGeometry.footerDistance,
        gutter: 0,
      },
    },
    // The lines grid only: LibreOffice mis-renders Word's lines-and-characters grid (see README).
    grid: { type: DocumentGridType.LINES, linePitch: docxGeometry.linePitch },
  };
}

/**
 * The body's sections: portrait, with a landscape section (layout.landscape) for each run of
 * landscape tables' elements; a landscape section has the turned page numbers' footers. With the
 * kinds of the footers they carry, in docx's order.
 */
function bodySections(children: FileChild[], landscape: ReadonlySet<unknown>, footers: () => ReturnType<typeof pageFooters>, turned: () => ReturnType<typeof pageFooters>) {
  const runs: { landscape: boolean; children: FileChild[] }[] = [];
  for (const child of children) {
    const turned = landscape.has(child);
    const last = runs[runs.length - 1];
    if (last && last.landscape === turned) last.children.push(child);
    else runs.push({ landscape: turned, children: [child] });
  }
  const footerKinds: FooterKind[] = [];
  // A portrait section after a landscape one names the portrait footers again (else it would inherit the turned ones).
  const sections = runs.map((run, i) => {
    const own = run.landscape ? 'turned' : i === 0 || runs[i - 1]?.landscape ? 'page' : undefined;
    if (own) footerKinds.push(`${own}-odd`, `${own}-even`);
    return {
      properties: run.landscape ? landscapeSectionProperties() : sectionProperties(),
      ...(own ? { footers: own === 'turned' ? turned() : footers() } : {}),
      children: run.children,
    };
  });
  return { sections, footerKinds };
}

/** A landscape section: the portrait page turned, margins turned with it (layout.landscape). */
function landscapeSectionProperties() {
  const portrait = sectionProperties();
  const m = docxGeometry.landscape.margins;
  return {
    ...portrait,
    page: {
      // docx writes w:w and w:h swapped for a landscape page.
      size: { ...portrait.page.size, orientation: PageOrientation.LANDSCAPE },
      margin: { ...portrait.page.margin, top: m.top, bottom: m.bottom, left: m.left, right: m.right, footer: docxGeometry.landscape.footerDistance },
    },
  };
}

/**
 * The 版记 in a section of its own that starts on the next even page (`w:type evenPage`): Word
 * and LibreOffice both add a blank page when the text ends on an even page, and print it without
 * a footer. Whether they will cannot be known when the file is written, nor decided by a field
 * (LibreOffice does not evaluate IF fields), so the caller says (`endMatterAfterBlankPage`, from
 * the PDF's layout of the same document): then the section has empty footers of its own and the
 * 版记 page is unnumbered (7.5); otherwise it inherits the running footers and is numbered. An
 * empty paragraph opens the section: LibreOffice loses the break when the section starts with the
 * floating 版记 table.
 */
function endMatterSection(endMatter: FileChild[], unnumbered: boolean) {
  const empty = () => new Footer({ children: [new Paragraph({ style: styleIds.footer, children: [] })] });
  return {
    properties: { ...sectionProperties(), type: SectionType.EVEN_PAGE },
    ...(unnumbered ? { footers: { default: empty(), even: empty() } } : {}),
    children: [new Paragraph({ style: styleIds.normal, children: [] }), ...endMatter],
  };
}

/** Empty grid lines, as a typist leaves them. */
function blankLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => new Paragraph({ style: styleIds.normal, children: [] }));
}
