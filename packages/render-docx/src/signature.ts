import type { Seal, Signature, SignatureStamp } from '@gongwen/model';
import { layout, mmToEmu, mmToTwip, ptToMm, twipToPt } from '@gongwen/model';
import type { ParagraphChild } from 'docx';
import {
  AlignmentType,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import { runFonts } from './font-names.js';
import { charsTwip, docxElements, docxGeometry } from './geometry.js';
import type { BuildContext } from './runs.js';
import { say, textRuns, textWidthChars } from './runs.js';
import { styleIds } from './styles.js';

/** DrawingML offsets are in EMU: twips → points → millimetres → EMU through the model's units. */
const twipToEmu = (twip: number): number => mmToEmu(ptToMm(twipToPt(twip)));

/** PNG or JPEG, by signature bytes; anything else cannot be placed in a DOCX as a seal. */
function imageType(bytes: Uint8Array): 'png' | 'jpg' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  return undefined;
}

/**
 * The blank lines above the 署名, as space before its first line: a blank paragraph would start
 * the next page with an empty line when the signature moves there.
 */
const blankBefore = (lines: number) => ({ before: lines * docxGeometry.linePitch });

/**
 * 署名 and 成文日期 (7.3.5), kept together on one page. Without seals (7.3.5.2) the 署名 stands two characters in from the
 * right and the date starts two characters right of it (or, when the date is the longer, the date
 * stands two in and the 署名 moves left). With seals (7.3.5.1) the date stands four characters in,
 * each 署名 is centred over its seal, and the seal's top sits within one line of the body.
 */
export function signatureBlock(ctx: BuildContext, signature: Signature): Paragraph[] {
  if (signature.stamps?.length) return stamped(ctx, signature, signature.stamps);
  return signature.seals.length ? sealed(ctx, signature) : unsealed(ctx, signature);
}

/**
 * 7.3.5.3: per signatory a line with the full title, two characters, then the signature stamp,
 * right-inset four characters (the title's paragraph right-indented past the stamp, the stamp
 * floating over its line, one grid line tall); the date after one blank line, right-inset four.
 */
function stamped(ctx: BuildContext, signature: Signature, stamps: readonly SignatureStamp[]): Paragraph[] {
  const spec = layout.signature.stamped;
  const heightTwip = spec.stampHeightLines * docxGeometry.linePitch;
  const rows = stamps.map((stamp, i) => {
    const before = i === 0 ? spec.blankLinesBefore * docxGeometry.linePitch : 0;
    const widthTwip = heightTwip * stamp.aspect;
    const right = charsTwip(spec.stampRightInsetChars);
    const image = stampImage(ctx, stamp, docxGeometry.block.width - right - widthTwip, before, widthTwip, heightTwip);
    return new Paragraph({
      style: styleIds.normal,
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      keepLines: true,
      ...(before ? { spacing: { before } } : {}),
      indent: { right: Math.round(right + widthTwip + charsTwip(spec.titleGapChars)) },
      children: [...(image ? [image] : []), ...textRuns(ctx, stamp.title, 'body', 'body')],
    });
  });
  return [
    ...rows,
    new Paragraph({
      style: styleIds.normal,
      alignment: AlignmentType.RIGHT,
      spacing: { before: spec.blankLinesBeforeDate * docxGeometry.linePitch },
      indent: { right: charsTwip(spec.dateRightInsetChars) },
      children: textRuns(ctx, signature.date, 'body', 'body'),
    }),
  ];
}

/** A floating signature stamp: `left` twips from the block's left edge, `top` twips below its paragraph's top. */
function stampImage(ctx: BuildContext, stamp: SignatureStamp, left: number, top: number, width: number, height: number): ImageRun | undefined {
  const type = imageType(stamp.image);
  if (!type) {
    ctx.diagnostics.push({
      severity: 'error',
      ruleId: 'render-docx/seal-format',
      message: say(ctx, `“${stamp.title}”的签名章图片不是 PNG 或 JPEG，无法放入 DOCX。`, `The signature stamp of “${stamp.title}” is neither PNG nor JPEG and cannot go into a DOCX.`),
      hint: say(ctx, '请提供 PNG（最好带透明背景）或 JPEG 格式的签名章图片。', 'Give the stamp as a PNG (ideally with a transparent background) or a JPEG.'),
    });
    return undefined;
  }
  // docx sizes pictures in CSS pixels (96 to the inch).
  const px = (twip: number): number => twipToPt(twip) * (96 / 72);
  return new ImageRun({
    type,
    data: stamp.image,
    transformation: { width: px(width), height: px(height) },
    run: { font: runFonts(ctx.names, 'body') },
    altText: { name: `${stamp.title}签名章`, description: `${stamp.title}签名章`, title: `${stamp.title}签名章` },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: twipToEmu(left) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: twipToEmu(top) },
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
      behindDocument: false,
    },
  });
}

function unsealed(ctx: BuildContext, signature: Signature): Paragraph[] {
  const spec = layout.signature.unsealed;
  const organWidth = Math.max(...signature.organs.map(textWidthChars));
  const dateWidth = textWidthChars(signature.date);
  // In characters from the right edge of the block.
  const dateRight = Math.max(organWidth - dateWidth - spec.dateOffsetChars + spec.organRightInsetChars, spec.organRightInsetChars);
  const organRight = dateRight + dateWidth + spec.dateOffsetChars - organWidth;
  return [
    // Joint signatures stack, host organ first, all starting where the longest starts.
    ...signature.organs.map(
      (organ, i) =>
        new Paragraph({
          style: styleIds.normal,
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          ...(i === 0 ? { spacing: blankBefore(spec.blankLinesBefore) } : {}),
          indent: { right: charsTwip(organRight + organWidth - textWidthChars(organ)) },
          children: textRuns(ctx, organ, 'body', 'body'),
        }),
    ),
    // The date starts a fixed distance right of the 署名 (all Chinese characters, so its start is
    // exact); when the date is the longer, it is set from the right instead.
    organRight > spec.organRightInsetChars
      ? new Paragraph({
          style: styleIds.normal,
          alignment: AlignmentType.RIGHT,
          indent: { right: charsTwip(dateRight) },
          children: textRuns(ctx, signature.date, 'body', 'body'),
        })
      : new Paragraph({
          style: styleIds.normal,
          alignment: AlignmentType.LEFT,
          indent: { left: docxGeometry.block.width - charsTwip(organRight + organWidth - spec.dateOffsetChars) },
          children: textRuns(ctx, signature.date, 'body', 'body'),
        }),
  ];
}

function sealed(ctx: BuildContext, signature: Signature): Paragraph[] {
  const spec = layout.signature.sealed;
  const dateWidth = textWidthChars(signature.date);
  const sealTwip = mmToTwip(spec.sealDiameter);
  const blockWidth = docxGeometry.block.width;
  // Column centres (twips from the block's left edge): the last over the date, the others to its left.
  const lastCentre = blockWidth - charsTwip(spec.dateRightInsetChars + dateWidth / 2);
  const step = sealTwip + charsTwip(spec.jointSealGapChars);
  const centres = signature.organs.map((_, i) => lastCentre - (signature.organs.length - 1 - i) * step);
  if (centres[0]! - sealTwip / 2 < 0) {
    ctx.diagnostics.push({
      severity: 'warning',
      ruleId: 'render-docx/seals-too-many',
      message: say(ctx, `${signature.organs.length} 枚印章排不进一行版心。`, `${signature.organs.length} seals do not fit side by side in the text block.`),
      hint: say(ctx, '联合行文的印章较多时，请调整署名或分行排列。', 'With many issuing organs, shorten the signatures or set them on several rows.'),
    });
  }
  const seals: ParagraphChild[] = [];
  signature.organs.forEach((organ, i) => {
    const seal = signature.seals.find((s) => s.organ === organ) ?? (signature.organs.length === 1 ? signature.seals[0] : undefined);
    if (seal) {
      const image = sealImage(ctx, seal, centres[i]! - sealTwip / 2);
      if (image) seals.push(image);
    }
  });
  const organLine =
    signature.organs.length === 1
      ? new Paragraph({
          style: styleIds.normal,
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          spacing: blankBefore(spec.blankLinesBefore),
          indent: {
            right: Math.max(0, charsTwip(spec.dateRightInsetChars + (dateWidth - textWidthChars(signature.organs[0]!)) / 2)),
          },
          children: [...seals, ...textRuns(ctx, signature.organs[0]!, 'body', 'body')],
        })
      : new Paragraph({
          style: styleIds.normal,
          alignment: AlignmentType.LEFT,
          keepNext: true,
          spacing: blankBefore(spec.blankLinesBefore),
          tabStops: centres.map((position) => ({ type: TabStopType.CENTER, position: Math.round(position) })),
          children: [
            ...seals,
            ...signature.organs.flatMap((organ) => [
              new TextRun({ children: [new Tab()], font: runFonts(ctx.names, 'body') }),
              ...textRuns(ctx, organ, 'body', 'body'),
            ]),
          ],
        });
  return [
    organLine,
    new Paragraph({
      style: styleIds.normal,
      alignment: AlignmentType.RIGHT,
      indent: { right: charsTwip(spec.dateRightInsetChars) },
      children: textRuns(ctx, signature.date, 'body', 'body'),
    }),
  ];
}

/**
 * A floating seal: its left edge `left` twips from the block's left edge, its top at the top of
 * the 署名 paragraph it is anchored in, whose space before is the blank line: right under the
 * body (上不压正文、下骑年盖月).
 */
function sealImage(ctx: BuildContext, seal: Seal, left: number): ImageRun | undefined {
  const type = imageType(seal.image);
  if (!type) {
    ctx.diagnostics.push({
      severity: 'error',
      ruleId: 'render-docx/seal-format',
      message: say(ctx, `“${seal.organ}”的印章图片不是 PNG 或 JPEG，无法放入 DOCX。`, `The seal image of “${seal.organ}” is neither PNG nor JPEG and cannot go into a DOCX.`),
      hint: say(ctx, '请提供 PNG（最好带透明背景）或 JPEG 格式的印章图片。', 'Give the seal as a PNG (ideally with a transparent background) or a JPEG.'),
    });
    return undefined;
  }
  const size = docxElements.sealPx;
  return new ImageRun({
    type,
    data: seal.image,
    transformation: { width: size, height: size },
    run: { font: runFonts(ctx.names, 'body') },
    altText: { name: `${seal.organ}印章`, description: `${seal.organ}印章`, title: `${seal.organ}印章` },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: twipToEmu(left) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: 0 },
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
      behindDocument: false,
    },
  });
}
