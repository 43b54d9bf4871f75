import type { Attachment, BodyBlock } from '@gongwen/model';
import { isLandscapeTable, layout } from '@gongwen/model';
import type { FileChild } from 'docx';
import { AlignmentType, Paragraph } from 'docx';
import { charsTwip, docxElements, docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { textRuns, textWidthChars } from './runs.js';
import { lastLineStart } from './last-line.js';
import { styleIds } from './styles.js';
import { tableElements } from './table.js';

/** 标题 (7.3.1): centred 2号小标宋 lines; `before`: the space below the 版头 (two blank lines below its red rule). */
export function titleLines(ctx: BuildContext, title: readonly string[], before?: number): Paragraph[] {
  return title.map(
    (line, i) =>
      new Paragraph({
        style: styleIds.title,
        spacing: i === 0 && before !== undefined ? { before } : undefined,
        children: textRuns(ctx, line, 'title', 'title'),
      }),
  );
}

/** 主送机关 (7.3.2): flush left, one blank line below the title. */
export function addresseeLine(ctx: BuildContext, addressee: string, afterTitle: boolean): Paragraph {
  return new Paragraph({
    style: styleIds.normal,
    spacing: afterTitle ? { before: docxElements.addresseeBefore } : undefined,
    children: textRuns(ctx, addressee, 'body', 'body'),
  });
}

/**
 * 正文 (7.3.3): headings as Heading 1–4, paragraphs as Body Text, each run in its role's font.
 * `keepLastWithNext` keeps the end of the body on the page of what follows it (the signature).
 */
export function bodyBlocks(ctx: BuildContext, blocks: readonly BodyBlock[], keepLastWithNext = false, lastLineAt?: number): FileChild[] {
  const written: FileChild[][] = [];
  return blocks.flatMap((block, i): FileChild[] => {
    const elements = blockElements(ctx, block, keepLastWithNext && i === blocks.length - 1, lastLineAt);
    written.push(elements);
    if (block.kind === 'table' && isLandscapeTable(block)) {
      elements.forEach((e) => ctx.landscape?.add(e));
      // The headings right above a landscape table head its page, as they go with their text.
      for (let j = i - 1; j >= 0 && blocks[j]!.kind === 'heading'; j--) written[j]!.forEach((e) => ctx.landscape?.add(e));
    }
    return elements;
  });
}

/** One body block's elements; `keep`: the last block, kept with what follows. */
function blockElements(ctx: BuildContext, block: BodyBlock, keep: boolean, lastLineAt?: number): FileChild[] {
  if (block.kind === 'table') return tableElements(ctx, block);
  if (block.kind === 'heading') {
    const role = layout.headings.roles[block.level];
    return [
      new Paragraph({
        style: styleIds.heading[block.level],
        ...(keep ? { keepNext: true } : {}),
        children: textRuns(ctx, block.marker + block.text, role, role),
      }),
    ];
  }
  const runs = (list: readonly TextPiece[]) => list.flatMap((run) => textRuns(ctx, run.text, run.role ?? 'body', 'body', { bold: run.bold }));
  const text = block.runs.map((r) => r.text).join('');
  const given = lastLineAt !== undefined && lastLineAt > 0 && lastLineAt < text.length ? lastLineAt : undefined;
  const cut = keep ? (given ?? lastLineStart(text)) : undefined;
  if (cut === undefined) return [new Paragraph({ style: styleIds.body, ...(keep ? { keepNext: true } : {}), children: runs(block.runs) })];
  // LibreOffice moves a whole keep-with-next paragraph, leaving the page before it short by
  // all its lines there. So the last line stands as a paragraph of its own that goes with the
  // signature, and the rest is distributed so its own last line stays full width.
  const [head, tail] = splitRuns(block.runs, cut);
  return [
    new Paragraph({ style: styleIds.body, alignment: AlignmentType.DISTRIBUTE, children: runs(head) }),
    new Paragraph({ style: styleIds.body, keepNext: true, indent: { firstLine: 0, firstLineChars: 0 }, children: runs(tail) }),
  ];
}

type TextPiece = Extract<BodyBlock, { kind: 'paragraph' }>['runs'][number];

/** Runs split at a UTF-16 offset into their joined text. */
function splitRuns(list: readonly TextPiece[], at: number): [TextPiece[], TextPiece[]] {
  const head: TextPiece[] = [];
  const tail: TextPiece[] = [];
  let offset = 0;
  for (const run of list) {
    const end = offset + run.text.length;
    if (end <= at) head.push(run);
    else if (offset >= at) tail.push(run);
    else {
      head.push({ ...run, text: run.text.slice(0, at - offset) });
      tail.push({ ...run, text: run.text.slice(at - offset) });
    }
    offset = end;
  }
  return [head, tail];
}

/**
 * 附件说明 (7.3.4): one blank line below the body, two characters in, `附件：` then the names;
 * with several attachments `1.` `2.` … stand under each other, and a wrapped name continues under
 * the name's first character (a hanging indent as wide as `附件：` and the number).
 */
export function attachmentNote(ctx: BuildContext, names: readonly string[], keepWithNext = false): Paragraph[] {
  const lead = '附件：';
  const leadWidth = charsTwip(textWidthChars(lead));
  const many = names.length > 1;
  return names.map((name, i) => {
    const number = many ? `${i + 1}.` : '';
    // The number and the automatic space between it and the name's first character.
    const numberWidth = number ? charsTwip(textWidthChars(number + name.slice(0, 1)) - textWidthChars(name.slice(0, 1))) : 0;
    const left = docxElements.attachmentNoteIndent + leadWidth + numberWidth;
    return new Paragraph({
      style: styleIds.normal,
      alignment: AlignmentType.LEFT,
      keepNext: keepWithNext,
      spacing: i === 0 ? { before: docxElements.attachmentNoteBefore } : undefined,
      indent: { left, hanging: numberWidth + (i === 0 ? leadWidth : 0) },
      children: textRuns(ctx, `${i === 0 ? lead : ''}${number}${name}`, 'body', 'body'),
    });
  });
}

/** 附注 (7.3.6): on the line after the date, two characters in. */
export function notesLines(ctx: BuildContext, notes: readonly string[]): Paragraph[] {
  return notes.map((note) => new Paragraph({ style: styleIds.body, children: textRuns(ctx, note, 'body', 'body') }));
}

/**
 * 附件 (7.3.7/7.3.8 practice): each on a new page, `附件1` in 黑体 on the first line, its title
 * centred on the third line, then its body.
 */
export function attachmentPages(ctx: BuildContext, attachments: readonly Attachment[]): FileChild[] {
  const out: FileChild[] = [];
  for (const attachment of attachments) {
    out.push(
      new Paragraph({
        style: styleIds.normal,
        alignment: AlignmentType.LEFT,
        pageBreakBefore: true,
        children: textRuns(ctx, attachment.label, 'heading1', 'body'),
      }),
    );
    attachment.title.forEach((line, i) =>
      out.push(
        new Paragraph({
          style: styleIds.title,
          spacing: i === 0 ? { before: docxGeometry.linePitch } : undefined,
          children: textRuns(ctx, line, 'title', 'title'),
        }),
      ),
    );
    out.push(...bodyBlocks(ctx, attachment.body));
  }
  return out;
}
