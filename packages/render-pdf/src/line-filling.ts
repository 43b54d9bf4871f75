import type { FontRole } from '@gongwen/model';
import { advanceOf, fontFor, unitsPerEm, type Metrics } from './metrics.js';

/** A character with the font that draws it and its advance at the block's size (pt, without tracking). */
interface Glyph {
  char: string;
  font: string;
  role: FontRole;
  advance: number;
}

/** One filled line: its pieces (one per font) and the character spacing that justifies it. */
export interface FilledLine {
  pieces: { text: string; font: string; role: FontRole }[];
  characterSpacing: number;
  /** Left offset in pt (the first line's indent). */
  indent: number;
}

// GB/T 15834 line-breaking rules (避头尾): these never start a line …
const noStart = new Set([...'，。、；：？！）》」』】〕〉”’…—·%‰℃°']);
// … and these never end one.
const noEnd = new Set([...'（《「『【〔〈“‘']);
/**
 * Justified lines end this far inside the edge, so floating-point sums never make pdfmake see a
 * line a hair wider than the block (it would then wrap its last piece).
 */
const EDGE_PT = 0.001;
/** Latin letters, digits and their punctuation stay together, as words do. */
const word = /[A-Za-z0-9.,%/+\-_:@#&]/;

export interface FillOptions {
  /** Line width in pt. */
  width: number;
  /** First-line indent in pt. */
  indent: number;
  size: number;
  /** Tracking of a full line (the grid's −0.207 pt), kept on a line's last of a paragraph. */
  tracking: number;
  /** Justify lines other than the last (true) or keep every line at the grid tracking. */
  justify: boolean;
}

/**
 * Breaks a paragraph into lines on the character grid and justifies each line by character
 * spacing, as Word does with CJK text: a full line of 28 characters keeps the grid's tracking
 * exactly; a line shortened by the 避头尾 rules spreads its characters to the right edge.
 */
export function fillLines(parts: { text: string; role: FontRole }[], options: FillOptions, m: Metrics): FilledLine[] {
  const glyphs: Glyph[] = [];
  for (const part of parts) {
    for (const char of part.text) {
      if (char === '\n' || char === '\r') continue;
      const cp = char.codePointAt(0)!;
      const f = fontFor(m, part.role, cp);
      glyphs.push({ char, font: f.id, role: part.role, advance: (Math.max(0, advanceOf(f, cp)) / unitsPerEm(f)) * options.size });
    }
  }

  const lines: Glyph[][] = [];
  let start = 0;
  while (start < glyphs.length) {
    const available = options.width - (lines.length === 0 ? options.indent : 0);
    let used = 0;
    let end = start;
    while (end < glyphs.length && used + glyphs[end]!.advance + options.tracking <= available + 1e-6) {
      used += glyphs[end]!.advance + options.tracking;
      end++;
    }
    if (end < glyphs.length) end = breakPoint(glyphs, start, end);
    lines.push(glyphs.slice(start, end));
    start = end;
  }

  return lines.map((line, i) => {
    const indent = i === 0 ? options.indent : 0;
    const last = i === lines.length - 1;
    const natural = line.reduce((w, g) => w + g.advance, 0);
    const spacing = options.justify && !last && line.length > 0 ? (options.width - EDGE_PT - indent - natural) / line.length : options.tracking;
    const pieces: FilledLine['pieces'] = [];
    for (const g of line) {
      const p = pieces[pieces.length - 1];
      if (p && p.font === g.font && p.role === g.role) p.text += g.char;
      else pieces.push({ text: g.char, font: g.font, role: g.role });
    }
    return { pieces, characterSpacing: spacing, indent };
  });
}

/**
 * Moves a break back from `end` (the first glyph that does not fit) so that the next line does not
 * start with closing punctuation, this line does not end with an opening bracket, and no Latin word
 * or number is split. Never returns `start` (a line always takes at least one glyph).
 */
function breakPoint(glyphs: Glyph[], start: number, end: number): number {
  let at = end;
  for (let guard = 0; guard < 8 && at > start + 1; guard++) {
    const next = glyphs[at]!.char;
    const prev = glyphs[at - 1]!.char;
    if (noStart.has(next) || noEnd.has(prev) || (word.test(next) && word.test(prev))) at--;
    else break;
  }
  // A Latin word longer than the line is split where it overflowed.
  if (at <= start + 1 && word.test(glyphs[end]!.char)) return end;
  return at > start ? at : end;
}
