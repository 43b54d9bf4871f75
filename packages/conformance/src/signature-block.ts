import { derived, layout, mmToPt, ptToMm } from '@gongwen/model';
import type { Analysis } from './analysis.js';
import type { PageMeasurements, TextLine } from './measurements.js';

const { margins, textBlock, signature: spec } = layout;
const char = ptToMm(derived.charPitchPt);
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
/** A seal is painted within this distance (mm) above the date: its diameter and a line more. */
const SEAL_REACH = spec.sealed.sealDiameter + 10;

const ink = (s: string): string => s.replace(/\s/gu, '');

/** The 署名 and 成文日期 as read from the page that holds them. */
export interface SignatureBlock {
  page: PageMeasurements;
  date: TextLine;
  /** The 署名 lines above the date, top to bottom. */
  organs: TextLine[];
  sealed: boolean;
}

type Reader = Pick<Analysis, 'm' | 'left' | 'isBody'>;

/** The first 成文日期 (body size, right of the text) and the 署名 lines just above it (one grid line apart). */
export function findSignature(a: Reader): SignatureBlock | undefined {
  if (a.left === undefined) return undefined;
  const textStart = a.left + ptToMm(layout.paragraph.firstLineIndentChars * derived.charPitchPt) + char;
  for (const page of a.m.pages) {
    const i = page.lines.findIndex((l) => a.isBody(l) && DATE.test(ink(l.text)) && l.x > textStart);
    if (i < 1) continue;
    const organs: TextLine[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const l = page.lines[j]!;
      const below = organs[0] ?? page.lines[i]!;
      if (!a.isBody(l) || l.x <= textStart || mmToPt(below.baseline - l.baseline) > 1.5 * derived.linePitchPt) break;
      organs.unshift(l);
    }
    if (!organs.length) continue;
    const date = page.lines[i]!;
    const top = organs[0]!.top - SEAL_REACH;
    const sealed = page.images.some((im) => im.y2 > top && im.y1 < date.bottom && im.x2 > margins.left + textBlock.width / 3);
    return { page, date, organs, sealed };
  }
  return undefined;
}
