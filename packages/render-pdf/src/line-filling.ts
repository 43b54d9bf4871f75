import { layout, lineBreakClasses, type FontRole } from '@gongwen/model';
import { advanceOf, fontFor, unitsPerEm, type Metrics } from './metrics.js';

/** A character with the font that draws it and its advance at the block's size (pt, without tracking). */
interface Glyph {
  char: string;
  font: string;
  role: FontRole;
  bold: boolean;
  advance: number;
  /** Its width when lines are fitted (pt): the advance, or a full em for a character the clients set full width. */
  fitAdvance: number;
  /** The automatic space before it (pt) when it follows a character on the same line. */
  space: number;
  /** Last of a run of one script and one font role (see `fillLines`). */
  runEnd: boolean;
}

/** One filled line: its pieces (one per font) and the character spacing that justifies it. */
export interface FilledLine {
  /** `space`: extra spacing after the piece's last character (the automatic space before the next). */
  pieces: { text: string; font: string; role: FontRole; bold?: boolean; space?: number }[];
  characterSpacing: number;
  /** Left offset in pt (the first line's indent). */
  indent: number;
}

// GB/T 15834 line-breaking rules (避头尾).
const { noLineStart: noStart, noLineEnd: noEnd } = lineBreakClasses;

/** Chinese (and Japanese, Korean, full-width) letters and digits: the East Asian side of the automatic space. */
const eastAsianLetter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u;
/** Any other letter or digit: the Latin side. */
const otherLetter = /[\p{L}\p{Nd}]/u;
type Side = 'east' | 'latin' | undefined;
const sideOf = (ch: string): Side => (eastAsianLetter.test(ch) ? 'east' : otherLetter.test(ch) ? 'latin' : undefined);

/**
 * The script a word processor files a character under: East Asian (CJK characters, their
 * punctuation, full-width forms), Latin (ASCII, Latin-1 and other alphabets), or neither — general
 * punctuation (“ ” ‘ ’ — … •) and spaces, which take the script of the character before them.
 */
type Script = 'east' | 'latin' | 'weak';
function scriptOf(ch: string): Script {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2100 && cp <= 0x214f)) return 'weak';
  if (cp >= 0x2150 && cp <= 0x218f) return 'east';
  if (cp >= 0x2460 && cp <= 0x24ff) return 'east';
  return cp >= 0x2e80 ? 'east' : 'latin';
}

/**
 * The automatic space between two neighbouring characters (layout.text.autospaceEm): where a
 * Chinese character meets a Latin letter or digit, never next to punctuation.
 */
export function autospaceBetween(before: string | undefined, after: string, size: number): number {
  if (before === undefined) return 0;
  const a = sideOf(before);
  const b = sideOf(after);
  return a && b && a !== b ? layout.text.autospaceEm * size : 0;
}
/**
 * Justified lines end this far inside the edge, so floating-point sums never make pdfmake see a
 * line a hair wider than the block (it would then wrap its last piece).
 */
const EDGE_PT = 0.001;
/** Latin letters, digits and their punctuation stay together, as words do. */
const word = /[A-Za-z0-9.,%/+\-_:@#&·]/;
/** A line may break after a hyphen between letters or digits (`2021-` | `2025年`), as the clients break it. */
const breaksAfter = new Set(['-']);
/**
 * Characters LibreOffice (shaping the CJK face for Chinese) sets a full em wide where the PDF's
 * font draws them narrower: the em dash of ——. Lines are fitted at that width; the glyph is drawn
 * at its own, the justified line taking up the difference.
 */
const fullWidthInClients = new Set(['—']);

export interface FillOptions {
  /** Line width in pt. */
  width: number;
  /** First-line indent in pt. */
  indent: number;
  size: number;
  /** Tracking of a full line (the grid's −0.207 pt), kept on a line's last of a paragraph. */
  tracking: number;
  /** Tracking lines are broken at (derived.lineBreakTrackingPt, as the DOCX clients fit them). */
  breakTracking?: number;
  /** Justify lines other than the last (true) or keep every line at the grid tracking. */
  justify: boolean;
}

/**
 * Breaks a paragraph into lines on the character grid and justifies each line by character
 * spacing, as Word does with CJK text: a full line of 28 characters keeps the grid's tracking
 * exactly; a line shortened by the 避头尾 rules spreads its characters to the right edge.
 */
export function fillLines(parts: { text: string; role: FontRole; bold?: boolean }[], options: FillOptions, m: Metrics): FilledLine[] {
  const glyphs: Glyph[] = [];
  const scripts: Script[] = [];
  let previous: string | undefined;
  for (const part of parts) {
    for (const char of part.text) {
      if (char === '\n' || char === '\r') continue;
      const cp = char.codePointAt(0)!;
      const f = fontFor(m, part.role, cp);
      const space = autospaceBetween(previous, char, options.size);
      const advance = (Math.max(0, advanceOf(f, cp)) / unitsPerEm(f)) * options.size;
      const fitAdvance = fullWidthInClients.has(char) ? Math.max(advance, options.size) : advance;
      glyphs.push({ char, font: f.id, role: part.role, bold: part.bold === true, advance, fitAdvance, space, runEnd: false });
      const script = scriptOf(char);
      scripts.push(script === 'weak' ? (scripts[scripts.length - 1] ?? 'east') : script);
      previous = char;
    }
  }
  glyphs.forEach((g, i) => {
    const next = glyphs[i + 1];
    g.runEnd = !next || next.role !== g.role || next.bold !== g.bold || scripts[i + 1] !== scripts[i];
  });

  // Lines are fitted as Word and LibreOffice fit them (derived.lineBreakTrackingPt): every
  // character condensed by the DOCX's tracking except the last of a run of one script and one
  // font role (and weight), which LibreOffice sets at its full advance, and the line's last character.
  const fit = options.breakTracking ?? options.tracking;
  const lines: Glyph[][] = [];
  let start = 0;
  while (start < glyphs.length) {
    const available = options.width - (lines.length === 0 ? options.indent : 0);
    let used = 0;
    let end = start;
    const lead = (g: Glyph) => (end === start ? 0 : g.space);
    while (end < glyphs.length && used + lead(glyphs[end]!) + glyphs[end]!.fitAdvance <= available + 1e-6) {
      const g = glyphs[end]!;
      used += lead(g) + g.fitAdvance + (g.runEnd ? 0 : fit);
      end++;
    }
    if (end < glyphs.length) end = breakPoint(glyphs, start, end);
    lines.push(glyphs.slice(start, end));
    start = end;
  }

  return lines.map((line, i) => {
    const indent = i === 0 ? options.indent : 0;
    const last = i === lines.length - 1;
    // The automatic spaces inside the line; one at the line's start is dropped.
    const spaces = line.map((g, j) => (j === 0 ? 0 : g.space));
    const natural = line.reduce((w, g, j) => w + g.advance + spaces[j]!, 0);
    const spacing = options.justify && !last && line.length > 0 ? (options.width - EDGE_PT - indent - natural) / line.length : options.tracking;
    const pieces: FilledLine['pieces'] = [];
    line.forEach((g, j) => {
      const p = pieces[pieces.length - 1];
      // A character followed by an automatic space is a piece of its own, which carries the space.
      const next = spaces[j + 1];
      if (p && p.font === g.font && p.role === g.role && (p.bold ?? false) === g.bold && !p.space && !next) p.text += g.char;
      else pieces.push({ text: g.char, font: g.font, role: g.role, ...(g.bold ? { bold: true } : {}) });
      if (next) pieces[pieces.length - 1]!.space = next;
    });
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
    if (noStart.has(next) || noEnd.has(prev) || (word.test(next) && word.test(prev) && !breaksAfter.has(prev))) at--;
    else break;
  }
  // A Latin word longer than the line is split where it overflowed.
  if (at <= start + 1 && word.test(glyphs[end]!.char)) return end;
  return at > start ? at : end;
}
