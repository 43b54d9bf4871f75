import type { Header } from '@gongwen/model';
import { eighthPointToPt, fontRoles, headerLines, layout, ptToTwip } from '@gongwen/model';
import type { FileChild, ParagraphChild } from 'docx';
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { runFonts } from './font-names.js';
import { charsTwip, docxElements, docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { say, textRuns, textWidthChars } from './runs.js';
import { styleIds } from './styles.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
/** 签发人 names on one line are separated by a full-width space. */
const NAME_GAP = '　';
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/** A run of the 发文机关标志; its OrganMark style gives the red 小标宋 size and colour. */
const markRuns = (ctx: BuildContext, text: string): TextRun[] => textRuns(ctx, text, 'organMark', 'organMark');

/** Stacked organ names stand this far apart (layout.header.organMarkLineHeight), in twips, exactly. */
const stackedLine = Math.round(ptToTwip(layout.header.organMarkLineHeight * fontRoles.organMark.size));

/** The 签发人 rows of a 上行文: names two to a line. */
function signerRows(header: Header): string[][] {
  const rows: string[][] = [];
  const signers = header.signers ?? [];
  for (let i = 0; i < signers.length; i += layout.header.signersPerLine) rows.push(signers.slice(i, i + layout.header.signersPerLine));
  return rows;
}

const flagLines = (header: Header): [string | undefined, 'body' | 'heading1'][] =>
  ([
    [header.copyNumber, 'body'],
    [header.secrecy, 'heading1'],
    [header.urgency, 'heading1'],
  ] as [string | undefined, 'body' | 'heading1'][]).filter(([text]) => text);

/** The grid lines of this 版头 (the same as the PDF's: headerLines in the layout spec). */
const linesOf = (header: Header) => headerLines({ flagLines: flagLines(header).length, organs: header.organs.length, signerRows: signerRows(header).length });

/**
 * What the red rule, a bottom border, adds below the 发文字号 line: its distance from the text and
 * its width (both clients add them to the paragraph's height).
 */
const ruleHeight = ptToTwip(docxElements.ruleSpace) + Math.ceil(ptToTwip(eighthPointToPt(docxElements.ruleSize)));

/**
 * Space above the title, so that it starts on the grid line the spec gives (headerLines): every
 * line of the 版头 is exact, so its height is known to the twip.
 */
export function titleBefore(header: Header): number {
  const lines = linesOf(header);
  return Math.max(0, (lines.titleLine - lines.numberRow - 1) * docxGeometry.linePitch - ruleHeight);
}

/**
 * 版头 (7.2): 份号/密级/紧急程度 flush left on the first lines, the red 发文机关标志 with its top
 * 35 mm below the text block, 发文字号 two blank lines below it (centred, or for a 上行文 on the
 * left with 签发人 on the right), and the red rule as the 发文字号 paragraph's bottom border. The
 * 发文字号 and the title stand on the grid lines the layout spec gives (headerLines), as in the PDF.
 */
export function headerBlock(ctx: BuildContext, header: Header): FileChild[] {
  const out: FileChild[] = [];
  for (const [text, role] of flagLines(header)) {
    out.push(new Paragraph({ style: styleIds.normal, alignment: AlignmentType.LEFT, children: textRuns(ctx, text!, role, 'body') }));
  }
  const flagsHeight = out.length * docxGeometry.linePitch;
  const markBefore = Math.max(0, docxElements.organMarkTop - flagsHeight);
  const mark = organMark(ctx, header, markBefore);
  out.push(...mark.children);
  const numberBefore = Math.max(0, linesOf(header).numberLine * docxGeometry.linePitch - flagsHeight - mark.height);
  out.push(...documentNumberLines(ctx, header, numberBefore));
  return out;
}

/** The 发文机关标志's paragraphs and their height in twips. */
function organMark(ctx: BuildContext, header: Header, before: number): { children: FileChild[]; height: number } {
  const { organs, suffix } = header;
  const many = organs.length > 1;
  const line = many ? stackedLine : docxGeometry.linePitch;
  const spacing = many ? { line, lineRule: LineRuleType.EXACT } : {};
  if (!many || !suffix) {
    // One organ, or a stack of names without 文件: centred lines.
    return {
      height: before + organs.length * line,
      children: organs.map(
        (organ, i) =>
          new Paragraph({
            style: styleIds.organMark,
            alignment: AlignmentType.CENTER,
            spacing: { ...spacing, ...(i === 0 ? { before } : {}) },
            children: markRuns(ctx, i === organs.length - 1 ? organ + suffix : organ),
          }),
      ),
    };
  }
  // Joint issuance (7.2.4): names stacked and spread to one width, 文件 to their right, centred on them.
  const charTwip = ptToTwip(fontRoles.organMark.size);
  const nameWidth = Math.ceil(Math.max(...organs.map(textWidthChars)) * charTwip);
  const suffixWidth = Math.ceil((textWidthChars(suffix) + 1) * charTwip);
  if (nameWidth + suffixWidth > docxGeometry.block.width) {
    ctx.diagnostics.push({
      severity: 'warning',
      ruleId: 'render-docx/organ-mark-too-wide',
      message: say(ctx, `发文机关标志“${organs.join('、')}${suffix}”比版心宽，会折行。`, `The issuing organ mark “${organs.join(' ')}${suffix}” is wider than the text block and will wrap.`),
      hint: say(ctx, '使用规范化简称，或减小发文机关标志字号。', 'Use the standard short names, or a smaller size for the organ mark.'),
    });
  }
  const cellMargins = { top: 0, bottom: 0, left: 0, right: 0 };
  const spacerBefore = Math.max(0, before - docxGeometry.linePitch);
  return {
    height: spacerBefore + docxGeometry.linePitch + organs.length * line,
    children: [
      new Paragraph({ style: styleIds.normal, spacing: { before: spacerBefore }, children: [] }),
      new Table({
        alignment: AlignmentType.CENTER,
        borders: noBorders,
        columnWidths: [nameWidth, suffixWidth],
        width: { size: nameWidth + suffixWidth, type: WidthType.DXA },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: nameWidth, type: WidthType.DXA },
                margins: cellMargins,
                verticalAlign: VerticalAlignTable.CENTER,
                children: organs.map(
                  (organ) =>
                    new Paragraph({ style: styleIds.organMark, alignment: AlignmentType.DISTRIBUTE, spacing, children: markRuns(ctx, organ) }),
                ),
              }),
              new TableCell({
                width: { size: suffixWidth, type: WidthType.DXA },
                margins: cellMargins,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [new Paragraph({ style: styleIds.organMark, alignment: AlignmentType.RIGHT, spacing, children: markRuns(ctx, suffix) })],
              }),
            ],
          }),
        ],
      }),
    ],
  };
}

function documentNumberLines(ctx: BuildContext, header: Header, before: number): Paragraph[] {
  const rule = {
    bottom: {
      style: BorderStyle.SINGLE,
      size: docxElements.ruleSize,
      color: layout.red,
      space: docxElements.ruleSpace,
    },
  };
  const number = header.documentNumber ?? '';
  const spacing = { before };
  if (!header.signers?.length) {
    return [
      new Paragraph({
        style: styleIds.normal,
        alignment: AlignmentType.CENTER,
        spacing,
        border: rule,
        children: number ? textRuns(ctx, number, 'body', 'body') : [],
      }),
    ];
  }
  // 上行文 (7.2.5, 7.2.6): 签发人 right, one character in, names two to a line with continuation
  // lines under the first name; 发文字号 on the left of the last line. Tabs rather than indents, so
  // the rule (the last line's border) spans the whole block.
  const inset = docxElements.upwardInset;
  const label = '签发人：';
  const rows = signerRows(header);
  const nameStart = docxGeometry.block.width - inset - charsTwip(textWidthChars(rows[0]!.join(NAME_GAP)));
  const labelStart = nameStart - charsTwip(textWidthChars(label));
  const tab = () => new TextRun({ children: [new Tab()], font: runFonts(ctx.names, 'body') });
  return rows.map((row, r) => {
    const last = r === rows.length - 1;
    const children: ParagraphChild[] = [];
    if (last) children.push(tab(), ...textRuns(ctx, number, 'body', 'body'));
    children.push(tab());
    if (r === 0) children.push(...textRuns(ctx, label, 'body', 'body'));
    children.push(...textRuns(ctx, row.join(NAME_GAP), 'heading2', 'body'));
    return new Paragraph({
      style: styleIds.normal,
      alignment: AlignmentType.LEFT,
      ...(r === 0 ? { spacing } : {}),
      ...(last ? { border: rule } : {}),
      tabStops: [
        ...(last ? [{ type: TabStopType.LEFT, position: inset }] : []),
        { type: TabStopType.LEFT, position: r === 0 ? labelStart : nameStart },
      ],
      children,
    });
  });
}
