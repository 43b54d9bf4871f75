import { derived, fontRoles, isLandscapeTable, layout, mmToPt, portraitToLandscape, type BodyBlock, type Document } from '@gongwen/model';
import type { FontSet } from '@gongwen/fonts';
import { buildEndMatter } from './end-matter.js';
import { pitch, space, TEXT_LINE, textBlock, type Node } from './grid.js';
import { buildHeader } from './header.js';
import { inlines, round, trackingFloor } from './inlines.js';
import { Metrics } from './metrics.js';
import { buildSignature } from './signature.js';
import { tableNodes, type TableLayout } from './table.js';

/** A pdfmake document definition (the subset gongwen writes). */
export interface DocDefinition {
  pageSize: { width: number; height: number };
  pageMargins: [number, number, number, number];
  info: Record<string, string | Date>;
  language: string;
  defaultStyle: Record<string, unknown>;
  images: Record<string, string>;
  content: Node[];
  footer: (currentPage: number, pageCount: number, pageSize?: { orientation?: string }) => Node | Node[] | null;
  pageBreakBefore: (node: PageNode, nodes: PageNodes) => boolean;
  /**
   * After pdfmake has laid the document out: whether a blank page was left before the 版记 page
   * (so neither carries a number, 7.5). Not read by pdfmake.
   */
  endMatterAfterBlankPage: () => boolean;
  /**
   * Where the last line of the body's last paragraph starts (a UTF-16 offset into its runs'
   * joined text), when that paragraph has more than one line: the line that goes with the
   * signature. Not read by pdfmake.
   */
  lastBodyLineStart?: number;
  /**
   * After pdfmake has laid the document out: for each table in document order (the body's, then
   * the attachments'), its rows' heights in grid lines and the body rows (0-based) that end a
   * page. Not read by pdfmake.
   */
  tables: () => TableLayout[];
}

interface PageNode {
  id?: string;
  stack?: boolean;
  headlineLevel?: number;
  style?: string;
  startPosition?: { pageNumber: number };
}

interface PageNodes {
  getFollowingNodesOnPage(): PageNode[];
  getNodesOnNextPage(): PageNode[];
  getPreviousNodesOnPage(): PageNode[];
}

/** The fixed date a document without one carries, so its bytes never depend on the clock. */
const epoch = new Date(Date.UTC(2000, 0, 1));
const END_MARKER = 'gongwen-end-matter';
/** Grid lines add up with floating-point error; a block exactly as tall as the free lines must still fit. */
const FIT_TOLERANCE_PT = 0.01;
/**
 * The flow ends half a point below the block's bottom edge, so the 22nd line always fits: a line
 * in a font with a taller ascent than the body's (黑体) is moved up by a fraction of a point, and
 * at the top of a page pdfmake cannot move it above the margin, so that page's lines reach that
 * much lower; rounded margins add ten-thousandths more. A 23rd line would need 29 pt.
 */
const flowBottomPt = derived.marginsPt.bottom - 0.5;
/** The same on a landscape page (layout.landscape), whose flow ends above its own bottom margin. */
const landscapeFlowBottomPt = derived.landscape.marginsPt.bottom - 0.5;
const portraitMargins = [derived.marginsPt.left, derived.marginsPt.top, derived.marginsPt.right, flowBottomPt];
const landscapeMargins = [derived.landscape.marginsPt.left, derived.landscape.marginsPt.top, derived.landscape.marginsPt.right, landscapeFlowBottomPt];
/** Marks the pdfmake section that holds a landscape table. */
const LANDSCAPE = 'gongwen-landscape';
const BLANK_MARKER = 'gongwen-blank-page';
/** The first line of a heading. */
const HEADING_START = 'gongwen-heading';

/**
 * Turns a Document into a pdfmake definition. Every number comes from the layout spec in
 * `@gongwen/model` or from the fonts' own metrics; the 版记 page and page numbers are decided
 * during pdfmake's layout through `pageBreakBefore` and `footer`.
 */
export function buildDocDefinition(doc: Document, fonts: FontSet): DocDefinition {
  const m = new Metrics(fonts);
  const body = fontRoles.body;
  const tracking = trackingFloor(derived.bodyTrackingPt);
  const indent = layout.paragraph.firstLineIndentChars * derived.charPitchPt;
  const content: Node[] = [];
  const images: Record<string, string> = {};

  if (doc.header) content.push(...buildHeader(doc.header, m).nodes);
  doc.title.forEach((t) => content.push(textBlock(t, { role: 'title', size: fontRoles.title.size, alignment: 'center' }, m)));
  if (doc.addressee) content.push(textBlock(doc.addressee, { role: 'body', size: body.size, tracking, blankLinesBefore: layout.addressee.blankLinesBefore }, m));
  // Headings are numbered for their node ids, which pdfmake wants unique.
  const headings = { count: 0 };
  const tables: TableLayout[] = [];
  content.push(...bodyBlocks(doc.body, m, doc.addressee ? 0 : layout.addressee.blankLinesBefore, headings, tables));

  // 附件说明 (7.3.4) goes with the signature block below, so it is kept apart from the flow.
  const attachmentNote: Node[] = [];
  if (doc.attachmentNote?.length) {
    const note = layout.attachmentNote;
    const many = doc.attachmentNote.length > 1;
    const label = '附件：';
    const labelW = note.indentChars * derived.charPitchPt + m.textWidth(label, 'body', body.size, tracking);
    doc.attachmentNote.forEach((name, i) => {
      attachmentNote.push({
        columns: [
          { width: round(labelW + 0.5), ...textBlock(i === 0 ? label : '', { role: 'body', size: body.size, tracking, left: note.indentChars * derived.charPitchPt }, m) },
          { width: '*', ...textBlock(`${many ? `${i + 1}.` : ''}${name}`, { role: 'body', size: body.size, tracking, alignment: 'justify' }, m) },
        ],
        columnGap: 0,
        margin: [0, i === 0 ? round(note.blankLinesBefore * pitch) : 0, 0, 0],
      });
    });
  }

  let lastBodyLineStart: number | undefined;
  if (doc.signature) {
    const { node } = buildSignature(doc.signature, m, (bytes) => {
      const url = `data:${sniffImage(bytes)};base64,${Buffer.from(bytes).toString('base64')}`;
      // One image object per distinct picture: pdfkit decodes each PNG's alpha channel asynchronously.
      const known = Object.keys(images).find((k) => images[k] === url);
      if (known) return known;
      const key = `seal${Object.keys(images).length}`;
      images[key] = url;
      return key;
    });
    // The signature never stands alone at the top of a page: the body's last line goes with it,
    // and with the 附件说明 between them.
    lastBodyLineStart = lastLineOffset(doc.body, content);
    const blocks = content.length;
    const carried = takeLastLine(content);
    // A heading right before a one-line last paragraph goes with it (layout.headings.keepWithNext).
    const headingsBefore: Node[] = [];
    while (carried && content.length < blocks && layout.headings.keepWithNext && isHeadingNode(content[content.length - 1])) headingsBefore.unshift(...(content.pop()!.stack as Node[]));
    content.push({ ...node, stack: [...headingsBefore, ...(carried ? [carried] : []), ...attachmentNote, ...(node.stack as Node[])] });
  } else content.push(...attachmentNote);
  doc.notes?.forEach((n) => content.push(textBlock(n, { role: 'body', size: body.size, tracking, left: layout.notes.indentChars * derived.charPitchPt }, m)));

  doc.attachments?.forEach((a) => {
    const at = layout.attachments;
    const label = textBlock(a.label, { role: 'heading1', size: body.size, tracking, blankLinesBefore: at.labelLine - 1 }, m);
    label.pageBreak = 'before';
    content.push(label);
    a.title.forEach((t, i) =>
      content.push(textBlock(t, { role: 'title', size: fontRoles.title.size, alignment: 'center', blankLinesBefore: i === 0 ? at.titleLine - at.labelLine - 1 : 0 }, m)),
    );
    content.push(...bodyBlocks(a.body, m, at.blankLinesAfterTitle, headings, tables));
  });

  // 版记: a blank-page marker and an invisible block as tall as the 版记 end the flow; pageBreakBefore
  // moves them so the 版记 page is even, and the footer of the last page draws the 版记 itself.
  const end = doc.endMatter && (doc.endMatter.copyTo || doc.endMatter.mainTo || doc.endMatter.printer || doc.endMatter.printDate) ? buildEndMatter(doc.endMatter, m) : undefined;
  const state = { blankPage: 0 };
  if (end) {
    content.push({ ...space(0.01), id: BLANK_MARKER });
    content.push({ ...space(end.height - FIT_TOLERANCE_PT), id: END_MARKER });
  }

  const pn = layout.pageNumber;
  const pnSize = fontRoles.pageNumber.size;
  const pnFont = m.primary('pageNumber');
  const dashCentre = m.inkCentre('—', 'pageNumber', pnSize);
  const pnTop = derived.marginsPt.top + derived.blockHeightPt + mmToPt(pn.belowBlock) + dashCentre - m.ascent(pnFont, pnSize);
  const footer = (page: number, pageCount: number, pageSize?: { orientation?: string }): Node[] | null => {
    const nodes: Node[] = [];
    const blank = state.blankPage > 0 && (page === state.blankPage || page === pageCount);
    const landscape = pageSize?.orientation === 'landscape';
    if (!blank) {
      const text = pn.format(page);
      const w = m.textWidth(text, 'pageNumber', pnSize);
      const inset = pn.insetChars * pnSize;
      const x = page % 2 === 1 ? derived.pageWidthPt - derived.marginsPt.right - inset - w : derived.marginsPt.left + inset;
      const number = inlines(text, { role: 'pageNumber', size: pnSize, lineHeightPt: m.naturalLineHeight(pnFont, pnSize) }, m);
      // On a landscape page the number stands where it stands on a portrait page (layout.landscape):
      // drawn turned a quarter clockwise about the top-left corner of its line (./pdfmake-hooks.ts).
      const at = landscape ? portraitToLandscape({ x, y: pnTop }) : { x, y: pnTop };
      if (landscape) number.forEach((inline) => (inline.quarterTurn = true));
      nodes.push({ text: number, absolutePosition: { x: round(at.x), y: round(at.y) } });
    }
    if (end && page === pageCount) nodes.push(...end.nodes);
    // pdfmake places footer content relative to the footer box, which starts at the block's bottom edge.
    const footerTop = landscape ? derived.landscape.pageHeightPt - landscapeFlowBottomPt : derived.pageHeightPt - flowBottomPt;
    return nodes.length ? nodes.map((n) => ({ ...n, absolutePosition: toFooterBox(n.absolutePosition as { x: number; y: number }, footerTop) })) : null;
  };

  const pageBreakBefore: DocDefinition['pageBreakBefore'] = (node, pageNodes) => {
    if (node.id?.startsWith(`${HEADING_START}-`)) return headingAtFoot(pageNodes);
    if (!layout.endMatter.evenPage) return false;
    const page = node.startPosition?.pageNumber ?? 0;
    if (node.id === BLANK_MARKER) {
      // The 版记 was pushed onto a fresh odd page: leave that page blank and put it on the next.
      const next = pageNodes.getNodesOnNextPage().find((n) => n.id === END_MARKER);
      const nextPage = next?.startPosition?.pageNumber ?? 0;
      if (next && nextPage % 2 === 1) {
        state.blankPage = nextPage;
        return true;
      }
      return false;
    }
    if (node.id !== END_MARKER || page % 2 === 0) return false;
    // On an odd page: move to the even page after it. If nothing but the markers stands on this page,
    // it is left blank and neither it nor the 版记 page carries a number (7.5).
    const content = pageNodes.getPreviousNodesOnPage().filter((n) => !n.stack && n.id !== BLANK_MARKER);
    if (!content.length) state.blankPage = page;
    return true;
  };

  turnPagesForTables(content);

  const created = doc.meta.created ? new Date(doc.meta.created) : epoch;
  const info: Record<string, string | Date> = {
    title: doc.meta.title,
    author: doc.meta.author,
    creator: 'gongwen',
    producer: 'gongwen',
    creationDate: Number.isNaN(created.getTime()) ? epoch : created,
  };
  if (doc.meta.subject) info.subject = doc.meta.subject;
  if (doc.meta.keywords?.length) info.keywords = doc.meta.keywords.join(', ');

  return {
    pageSize: { width: round(derived.pageWidthPt), height: round(derived.pageHeightPt) },
    pageMargins: portraitMargins as DocDefinition['pageMargins'],
    info,
    language: 'zh-CN',
    defaultStyle: { font: m.primary('body').id, fontSize: body.size },
    images,
    content,
    footer,
    pageBreakBefore,
    endMatterAfterBlankPage: () => state.blankPage > 0,
    ...(lastBodyLineStart !== undefined ? { lastBodyLineStart } : {}),
    tables: () => tables.map((t) => ({ rowLines: [...t.rowLines], breaks: [...t.breaks] })),
  };
}

function bodyBlocks(blocks: readonly BodyBlock[], m: Metrics, firstBlankLines: number, headings: { count: number }, tables: TableLayout[]): Node[] {
  const size = fontRoles.body.size;
  const tracking = trackingFloor(derived.bodyTrackingPt);
  const out: Node[] = [];
  blocks.forEach((b, i) => {
    const nodes = blockNodes(b, i);
    // The headings right above a landscape table head its page, as they go with their text.
    if (nodes[0]?.id === LANDSCAPE) {
      const above: Node[] = [];
      for (let j = i - 1; j >= 0 && blocks[j]!.kind === 'heading' && isHeadingNode(out.at(-1)); j--) above.unshift(out.pop()!);
      (nodes[0].section as Node[]).unshift(...above);
    }
    out.push(...nodes);
  });
  return out;

  function blockNodes(b: BodyBlock, i: number): Node[] {
    const blankLinesBefore = i === 0 ? firstBlankLines : 0;
    if (b.kind === 'table') {
      const laidOut: TableLayout = { rowLines: [], breaks: [] };
      tables.push(laidOut);
      const landscape = isLandscapeTable(b);
      // A landscape table starts its page: no blank line above it.
      const nodes = tableNodes(b, m, landscape ? 0 : blankLinesBefore, laidOut);
      // A table's title goes with the table as a heading goes with its text (keepWithNext).
      if (b.title) (nodes[0]!.stack as Node[]).forEach((line, j) => {
        line.headlineLevel = 1;
        if (j === 0) line.id = `${HEADING_START}-${headings.count++}`;
      });
      // A wide table (layout.table.landscapeColumns) goes on landscape pages of its own.
      if (landscape) return [{ section: nodes, pageOrientation: 'landscape', pageMargins: landscapeMargins, id: LANDSCAPE }];
      return nodes;
    }
    if (b.kind === 'heading') {
      const role = layout.headings.roles[b.level];
      const node = textBlock(b.marker + b.text, { role, size, tracking, fill: true, indent: layout.headings.indentChars * derived.charPitchPt, blankLinesBefore }, m);
      // A heading's lines are marked, so pageBreakBefore keeps it whole and with its text (a heading
      // split over two pages ends the first one, so it moves as a whole).
      (node.stack as Node[]).forEach((line, j) => {
        line.headlineLevel = b.level;
        if (j === 0) line.id = `${HEADING_START}-${headings.count++}`;
      });
      return [node];
    }
    return [textBlock(
      b.runs.map((r) => ({ text: r.text, role: r.role ?? 'body', bold: r.bold })),
      { role: 'body', size, tracking, fill: true, indent: layout.paragraph.firstLineIndentChars * derived.charPitchPt, blankLinesBefore },
      m,
    )];
  }
}

/**
 * What follows a landscape table goes back onto portrait pages: pdfmake keeps a section's page
 * shape for the nodes after it, so the next root node becomes a portrait section.
 */
function turnPagesForTables(content: Node[]): void {
  for (let i = 0; i < content.length - 1; i++) {
    if (content[i]!.id !== LANDSCAPE || content[i + 1]!.section) continue;
    content[i + 1] = { section: content[i + 1], pageOrientation: 'portrait', pageMargins: portraitMargins };
  }
}

/** Invisible nodes: the 版记's placeholders. */
const isMarker = (n: PageNode) => n.id === END_MARKER || n.id === BLANK_MARKER;

/**
 * layout.headings.keepWithNext: a heading that would end its page — no line of text after it
 * there, only headings or nothing — goes to the next page, with the headings above it (each of
 * them is then in the same position), as Word and LibreOffice move a keep-with-next paragraph.
 */
function headingAtFoot(pageNodes: PageNodes): boolean {
  if (!layout.headings.keepWithNext) return false;
  const before = pageNodes.getPreviousNodesOnPage().filter((n) => !isMarker(n) && !n.stack);
  if (!before.length) return false;
  // The footer's page number is among the page's nodes; only the text block's lines count.
  return !pageNodes.getFollowingNodesOnPage().some((n) => n.style === TEXT_LINE && !n.headlineLevel);
}

/** The offset at which the last filled line of the body's last paragraph starts (see DocDefinition). */
function lastLineOffset(body: readonly BodyBlock[], content: Node[]): number | undefined {
  const block = body[body.length - 1];
  const lines = content[content.length - 1]?.stack as Node[] | undefined;
  if (block?.kind !== 'paragraph' || !lines || lines.length < 2) return undefined;
  const text = (line: Node) => (line.text as { text: string }[]).map((t) => t.text).join('');
  // Only when the lines hold the paragraph's text exactly (line filling drops line breaks).
  if (lines.map(text).join('') !== block.runs.map((r) => r.text).join('')) return undefined;
  return lines.slice(0, -1).reduce((n, line) => n + text(line).length, 0);
}

/** A heading's node: a stack of lines that are all heading lines. */
function isHeadingNode(n: Node | undefined): boolean {
  const lines = n?.stack as Node[] | undefined;
  return !!lines?.length && lines.every((l) => typeof l.headlineLevel === 'number' && l.headlineLevel > 0);
}

/**
 * Removes and returns the last line of the flow: the last line of a filled paragraph, or a one-line
 * node. A landscape table is no line: it keeps its pages, and what follows opens a portrait page.
 */
function takeLastLine(content: Node[]): Node | undefined {
  const last = content[content.length - 1];
  if (!last || last.id === LANDSCAPE) return undefined;
  const lines = last.stack as Node[] | undefined;
  if (lines && !last.unbreakable && lines.length > 1) {
    content[content.length - 1] = { ...last, stack: lines.slice(0, -1) };
    return lines[lines.length - 1];
  }
  return content.pop();
}

function toFooterBox(p: { x: number; y: number }, footerTop: number): { x: number; y: number } {
  return { x: p.x, y: round(p.y - footerTop) };
}

function sniffImage(bytes: Uint8Array): string {
  return bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png';
}
