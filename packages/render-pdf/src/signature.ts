import { derived, fontRoles, layout, mmToPt, type Signature } from '@gongwen/model';
import { pitch, textBlock, type Node } from './grid.js';
import { round, trackingFloor } from './inlines.js';
import type { Metrics } from './metrics.js';

/** One seal image placed relative to the signature block, in pt from the block's left edge and its top. */
export interface SealPlacement {
  x: number;
  y: number;
  diameter: number;
}

/**
 * 署名 and 成文日期 (7.3.5). Without a seal: 署名 right-inset 2 characters, the date 2 characters to
 * the right of the 署名's start (or right-inset 2 when it is longer). With seals: the date right-inset
 * 4 characters, each 署名 centred under its seal, the seals' top within one line below the body.
 * With signature stamps (7.3.5.3) each row holds a signatory's title and stamp, the date below.
 * The block is unbreakable, so the seal always lands on the signature's page.
 */
export function buildSignature(sig: Signature, m: Metrics, imageKey: (bytes: Uint8Array) => string): { node: Node; seals: SealPlacement[] } {
  const size = fontRoles.body.size;
  const tracking = trackingFloor(derived.bodyTrackingPt);
  const ch = derived.charPitchPt;
  const W = derived.blockWidthPt;
  const style = { role: 'body' as const, size, tracking };
  const width = (t: string) => m.textWidth(t, 'body', size, tracking);
  const dateW = width(sig.date);
  const stack: Node[] = [];
  const seals: SealPlacement[] = [];

  if (sig.stamps?.length) {
    // 7.3.5.3: each row the full title, two characters, then the stamp, right-inset 4 characters;
    // the stamp one grid line tall on the title's line, so the title stands centred on it.
    const st = layout.signature.stamped;
    const height = st.stampHeightLines * pitch;
    const stampRight = W - st.stampRightInsetChars * ch;
    sig.stamps.forEach((stamp, i) => {
      const before = i === 0 ? st.blankLinesBefore : 0;
      const stampWidth = height * stamp.aspect;
      const titleX = Math.max(0, stampRight - stampWidth - st.titleGapChars * ch - width(stamp.title));
      stack.push({ image: imageKey(stamp.image), width: round(stampWidth), height: round(height), relativePosition: { x: round(stampRight - stampWidth), y: round(before * pitch) } });
      stack.push(textBlock(stamp.title, { ...style, left: round(titleX), blankLinesBefore: before }, m));
    });
    stack.push(textBlock(sig.date, { ...style, left: round(W - st.dateRightInsetChars * ch - dateW), blankLinesBefore: st.blankLinesBeforeDate }, m));
    return { node: { stack, unbreakable: true }, seals };
  }

  if (!sig.seals.length) {
    const u = layout.signature.unsealed;
    const organW = Math.max(...sig.organs.map(width));
    const right = W - u.organRightInsetChars * ch;
    let organX = right - organW;
    let dateX = organX + u.dateOffsetChars * ch;
    if (dateX + dateW > right) {
      dateX = right - dateW;
      organX = dateX - u.dateOffsetChars * ch;
    }
    sig.organs.forEach((o, i) => stack.push(textBlock(o, { ...style, left: organX, blankLinesBefore: i === 0 ? u.blankLinesBefore : 0 }, m)));
    stack.push(textBlock(sig.date, { ...style, left: dateX }, m));
    return { node: { stack, unbreakable: true }, seals };
  }

  const s = layout.signature.sealed;
  const D = mmToPt(s.sealDiameter);
  const gap = s.jointSealGapChars * ch;
  const dateX = W - s.dateRightInsetChars * ch - dateW;
  const dateCentre = dateX + dateW / 2;
  const n = sig.organs.length;
  // Each 署名 is centred under its seal; a name wider than a seal widens the step between seals.
  const slot = Math.max(D, ...sig.organs.map(width)) + gap;
  // The last seal covers the last 署名 and the date; earlier ones stand to its left, one gap apart.
  let firstCentre = dateCentre - (n - 1) * slot;
  const shift = Math.max(0, D / 2 - firstCentre);
  firstCentre += shift;
  const centres = sig.organs.map((_, i) => firstCentre + i * slot);
  centres.forEach((c, i) => {
    if (sig.seals[i] || (i === n - 1 && sig.seals.length)) seals.push({ x: c - D / 2, y: 0, diameter: D });
  });
  seals.forEach((p, i) => stack.push({ image: imageKey((sig.seals[i] ?? sig.seals[sig.seals.length - 1]!).image), width: round(p.diameter), relativePosition: { x: round(p.x), y: 0 } }));
  const blank = s.organLinesBelowBody - 1;
  const cols: Node[] = [{ width: round(Math.max(0, firstCentre - slot / 2)), text: '' }];
  sig.organs.forEach((o) => cols.push({ width: round(slot), ...textBlock(o, { ...style, alignment: 'center' }, m) }));
  cols.push({ width: '*', text: '' });
  stack.push({ columns: cols, columnGap: 0, margin: [0, round(blank * pitch), 0, 0] });
  stack.push(textBlock(sig.date, { ...style, left: round(dateX + shift) }, m));
  return { node: { stack, unbreakable: true }, seals };
}
