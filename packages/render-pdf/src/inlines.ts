import type { FontRole } from '@gongwen/model';
import { fontFor, type Metrics } from './metrics.js';

/** One pdfmake text inline. */
export interface Inline {
  text: string;
  font: string;
  fontSize: number;
  lineHeight: number;
  characterSpacing?: number;
  color?: string;
  /** Width (pt) of an outline stroked over the glyphs: bold drawn in a face without a bold weight. */
  textStroke?: number;
  /** Drawn turned a quarter clockwise about its line's top-left corner: a landscape page's page number. */
  quarterTurn?: boolean;
}

export interface InlineStyle {
  role: FontRole;
  size: number;
  tracking?: number;
  color?: string;
  /** Height of one line in pt (the grid pitch unless said otherwise). */
  lineHeightPt?: number;
}

/**
 * Splits a text into inlines by the font that draws each character: the role's own font, or the
 * first font of its fallback chain that has a rare character. Every inline gets the lineHeight
 * that makes its line exactly one grid pitch in its own font.
 */
export function inlines(text: string, style: InlineStyle, m: Metrics): Inline[] {
  const out: Inline[] = [];
  for (const ch of text) {
    const font = fontFor(m, style.role, ch.codePointAt(0)!);
    const last = out[out.length - 1];
    if (last && last.font === font.id) {
      last.text += ch;
      continue;
    }
    const inline: Inline = {
      text: ch,
      font: font.id,
      fontSize: style.size,
      lineHeight: m.lineHeightFor(font, style.size, style.lineHeightPt),
    };
    if (style.tracking) inline.characterSpacing = style.tracking;
    if (style.color) inline.color = style.color;
    out.push(inline);
  }
  return out;
}

/** Rounds to 1/10000 pt: far below what a printer shows, and keeps definitions readable. */
export const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * Tracking rounded down to 1/10000 pt, so that 28 characters add up to a hair less than the block
 * width instead of a floating-point hair more (which would push the 28th character down).
 */
export const trackingFloor = (x: number): number => Math.floor(x * 10000) / 10000;
