import { derived, fontRoles, type FontRole } from '@gongwen/model';
import { fontForChar, type FontSet, type LoadedFont } from '@gongwen/fonts';

const advances = new WeakMap<LoadedFont, Map<number, number>>();

/**
 * A glyph's advance in font units, or −1 when the font has no glyph for the code point; memoised
 * per font for the process, as fontkit looks the cmap up and builds a glyph object on every call.
 */
export function advanceOf(font: LoadedFont, codePoint: number): number {
  let map = advances.get(font);
  if (!map) advances.set(font, (map = new Map()));
  let a = map.get(codePoint);
  if (a === undefined) {
    a = codePoint < 0x21 || font.font.hasGlyphForCodePoint(codePoint) ? font.font.glyphForCodePoint(codePoint).advanceWidth : -1;
    map.set(codePoint, a);
  }
  return a;
}

const emSizes = new WeakMap<LoadedFont, number>();

/** The font's units per em, memoised: fontkit's getter looks its table up on every read. */
export function unitsPerEm(font: LoadedFont): number {
  let upm = emSizes.get(font);
  if (upm === undefined) emSizes.set(font, (upm = font.font.unitsPerEm));
  return upm;
}

/** The first font of the role's chain that has the character (the role's own font if none has it). */
export function fontFor(m: Metrics, role: FontRole, codePoint: number): LoadedFont {
  for (const f of m.fonts[role]) if (advanceOf(f, codePoint) >= 0) return f;
  return m.primary(role);
}

/** Font measurements in pt, read from the fonts themselves so every role's lines sit on one grid. */
export class Metrics {
  constructor(readonly fonts: FontSet) {}

  private readonly ids = new Map<string, LoadedFont>();

  byId(id: string): LoadedFont | undefined {
    if (!this.ids.size) for (const chain of Object.values(this.fonts)) for (const f of chain) if (!this.ids.has(f.id)) this.ids.set(f.id, f);
    return this.ids.get(id);
  }

  primary(role: FontRole): LoadedFont {
    const f = this.fonts[role][0];
    if (!f) throw new Error(`no font for role ${role}`);
    return f;
  }

  /** Distance from a line's top to its baseline in pdfmake: the font's hhea ascent. */
  ascent(font: LoadedFont, size: number): number {
    return (font.font.ascent / font.font.unitsPerEm) * size;
  }

  /** pdfmake's natural line height (ascent − descent, no line gap). */
  naturalLineHeight(font: LoadedFont, size: number): number {
    return ((font.font.ascent - font.font.descent) / font.font.unitsPerEm) * size;
  }

  /** The pdfmake `lineHeight` multiplier that makes a line in this font exactly `height` pt tall. */
  lineHeightFor(font: LoadedFont, size: number, height: number = derived.linePitchPt): number {
    return height / this.naturalLineHeight(font, size);
  }

  /** Top and bottom of the ideographic em box relative to the baseline (pt, both positive). */
  emBox(font: LoadedFont, size: number): { top: number; bottom: number } {
    const os2 = font.font['OS/2'];
    const upm = font.font.unitsPerEm;
    const top = os2 && os2.typoAscender > 0 ? os2.typoAscender / upm : 0.88;
    const bottom = os2 && os2.typoDescender < 0 ? -os2.typoDescender / upm : 0.12;
    return { top: top * size, bottom: bottom * size };
  }

  /** Where a body line's baseline sits below the top of its grid line. */
  get gridAscent(): number {
    return this.ascent(this.primary('body'), fontRoles.body.size);
  }

  /** Width of a text as drawn: advances of the fonts that draw each character, plus tracking after each. */
  textWidth(text: string, role: FontRole, size: number, tracking = 0): number {
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const f = fontFor(this, role, cp);
      w += (Math.max(0, advanceOf(f, cp)) / f.font.unitsPerEm) * size + tracking;
    }
    return w;
  }

  /** Height of the centre of a glyph's ink above the baseline (for the page number's dashes). */
  inkCentre(char: string, role: FontRole, size: number): number {
    const f = fontForChar(this.fonts, role, char) ?? this.primary(role);
    const { bbox } = f.font.glyphForCodePoint(char.codePointAt(0)!);
    return ((bbox.minY + bbox.maxY) / 2 / f.font.unitsPerEm) * size;
  }
}
