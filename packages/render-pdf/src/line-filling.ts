import { layout, lineBreakClasses, ptToTwip, splitsPair, westernBreakAllowed, type FontRole } from '@gongwen/model';
import { clientAdvance, clientShapedAdvance } from './client-advances.js';
import { advanceOf, fontFor, unitsPerEm, type Metrics } from './metrics.js';

/** A character with the font that draws it and its advance at the block's size (pt, without tracking). */
interface Glyph {
  char: string;
  font: string;
  role: FontRole;
  bold: boolean;
  advance: number;
  /**
   * Its width when lines are fitted, in whole device pixels of the clients' layout
   * (layout.text.fitPixelsPerPt): its advance in their face (client-advances.ts), or a full em for
   * a character they set full width.
   */
  fitPx: number;
  /** The automatic space before it (pt) when it follows a character on the same line. */
  space: number;
  /** The script it is set in ('weak' characters take the script before them). */
  script: 'east' | 'latin';
  /** Last of a run of one script and one font role (see `fillLines`). */
  runEnd: boolean;
  /** The first dash of a 破折号 its font draws as one glyph, tracked (or not) as the second dash is. */
  pairGlyph?: boolean;
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
/** A letter or digit: what the clients look back to, from a line's overflow, for the rules to break it by. */
const letterOrDigit = /[\p{L}\p{Nd}]/u;
const EM_DASH = '—';
const ELLIPSIS = '…';
const twoEmDashes = new WeakMap<object, { advance: number; oneGlyph: boolean }>();
/**
 * —— as the font shapes it: its advance in font units, and whether it is one glyph (a ligature in
 * the Noto CJK faces; LXGW WenKai draws two).
 */
function twoEmDash(f: ReturnType<typeof fontFor>): { advance: number; oneGlyph: boolean } {
  let a = twoEmDashes.get(f);
  if (a === undefined) {
    const shaper = f.font as unknown as { layout?: (text: string) => { advanceWidth: number; glyphs: unknown[] } };
    const shaped = shaper.layout?.(EM_DASH + EM_DASH);
    a = shaped ? { advance: shaped.advanceWidth, oneGlyph: shaped.glyphs.length === 1 } : { advance: 2 * advanceOf(f, EM_DASH.codePointAt(0)!), oneGlyph: false };
    twoEmDashes.set(f, a);
  }
  return a;
}

/** A letter of the Latin or the Han script: what digits and marks around it are shaped with. */
const latinLetter = /\p{Script=Latin}/u;
const hanLetter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Font units in whole pixels of the clients' layout at a size (pt), rounded as their shaping rounds each advance. */
const toFitPx = (units: number, f: ReturnType<typeof fontFor>, size: number) => Math.round((units / unitsPerEm(f)) * size * layout.text.fitPixelsPerPt);
const shapedAdvances = new WeakMap<object, Map<string, number[] | null>>();
/**
 * Advances (font units) of a text shaped as Latin script in the clients' face (client-advances.ts),
 * without pair kerning (LibreOffice sets a DOCX run without it unless the run asks, as Word does);
 * null when glyphs and characters do not pair up. Cached per text, so the lookup is done once.
 */
function latinAdvances(f: ReturnType<typeof fontFor>, text: string): number[] | null {
  let cache = shapedAdvances.get(f);
  if (!cache) shapedAdvances.set(f, (cache = new Map()));
  let a = cache.get(text);
  if (a === undefined) {
    const shaper = f.font as unknown as { layout?: (text: string, features?: Record<string, boolean>, script?: string) => { positions: { xAdvance: number }[] } };
    const positions = shaper.layout?.(text, { kern: false }, 'latn').positions;
    const chars = [...text];
    a = positions && positions.length === chars.length ? positions.map((p, k) => clientShapedAdvance(f, chars[k]!, p.xAdvance)) : null;
    if (cache.size > 4096) cache.clear();
    cache.set(text, a);
  }
  return a;
}

/**
 * Digits, letters and marks that follow a Latin letter (`GB/T 9704`, `GB。2023`) are shaped by the
 * clients as Latin script, with the font's Latin forms (Noto CJK's digits then 0.55 em each); after
 * a Chinese character (`2023年`) as Chinese, at their own advances. Lines are fitted the same way.
 */
function fitLatinShaping(glyphs: Glyph[], size: number, m: Metrics): void {
  let context: 'latin' | 'han' = 'han';
  let i = 0;
  while (i < glyphs.length) {
    const g = glyphs[i]!;
    if (hanLetter.test(g.char)) context = 'han';
    else if (latinLetter.test(g.char)) context = 'latin';
    if (context !== 'latin' || g.script !== 'latin' || g.char === EM_DASH) {
      i++;
      continue;
    }
    // A run of one font shaped as Latin, up to a Chinese character, a dash or another font.
    let j = i;
    while (j < glyphs.length && glyphs[j]!.font === g.font && glyphs[j]!.script === 'latin' && glyphs[j]!.char !== EM_DASH && !hanLetter.test(glyphs[j]!.char)) j++;
    const f = m.byId(g.font);
    const advances = f ? latinAdvances(f, glyphs.slice(i, j).map((x) => x.char).join('')) : null;
    if (f && advances) advances.forEach((a, k) => (glyphs[i + k]!.fitPx = toFitPx(a, f, size)));
    i = j;
  }
}

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
  /** Width lines are broken at, when the DOCX's differs from `width` (derived.lineBreakWidthPt). */
  breakWidth?: number;
  /** Justify lines other than the last (true) or keep every line at the grid tracking. */
  justify: boolean;
}

/**
 * Breaks a paragraph into lines on the character grid and justifies each line by character
 * spacing, as Word does with CJK text: a full line of 28 characters keeps the grid's tracking
 * exactly; a line shortened by the 避头尾 rules spreads its characters to the right edge.
 */
export function fillLines(parts: { text: string; role: FontRole; bold?: boolean }[], options: FillOptions, m: Metrics): FilledLine[] {
  /** A length (pt) in whole pixels of the clients' layout (layout.text.fitPixelsPerPt). */
  const px = (pt: number) => Math.round(pt * layout.text.fitPixelsPerPt);
  const glyphs: Glyph[] = [];
  const scripts: ('east' | 'latin')[] = [];
  let previous: string | undefined;
  for (const part of parts) {
    for (const char of part.text) {
      if (char === '\n' || char === '\r') continue;
      const cp = char.codePointAt(0)!;
      const f = fontFor(m, part.role, cp);
      const space = autospaceBetween(previous, char, options.size);
      const own = Math.max(0, advanceOf(f, cp));
      const advance = (own / unitsPerEm(f)) * options.size;
      const script = scriptOf(char);
      const resolved: 'east' | 'latin' = script === 'weak' ? (scripts[scripts.length - 1] ?? 'east') : script;
      scripts.push(resolved);
      // The clients set an em dash a full em wide in Chinese text (the font's own advance among
      // Latin letters), and a pair as one two-em glyph: the second dash adds nothing and takes no tracking.
      let fitPx = toFitPx(clientAdvance(f, char, own), f, options.size);
      const before = glyphs[glyphs.length - 1];
      if (char === EM_DASH && before?.char === EM_DASH && before.fitPx > 0 && before.script === resolved && before.font === f.id) {
        const pair = twoEmDash(f);
        before.fitPx = resolved === 'east' ? 2 * px(options.size) : toFitPx(pair.advance, f, options.size);
        before.pairGlyph = pair.oneGlyph;
        fitPx = 0;
      } else if (char === EM_DASH && resolved === 'east') fitPx = Math.max(fitPx, px(options.size));
      glyphs.push({ char, font: f.id, role: part.role, bold: part.bold === true, advance, fitPx, space, script: resolved, runEnd: false });
      previous = char;
    }
  }
  fitLatinShaping(glyphs, options.size, m);
  // A 破折号 or 省略号 is a run of its own in the DOCX (see render-docx's textRuns): the character
  // before it and its second character end a run.
  const pairEdge = new Set<number>();
  for (let i = 0; i + 1 < glyphs.length; i++)
    if (splitsPair(glyphs[i]!.char, glyphs[i + 1]!.char)) {
      if (i > 0) pairEdge.add(i - 1);
      pairEdge.add(++i);
    }
  // A space is a run of its own in LibreOffice, neither it nor the character before it tracked,
  // except between Latin words (`GB/T 9704`), which are one run.
  const ownRun = (k: number) => glyphs[k]?.char === ' ' && !(scripts[k - 1] === 'latin' && scripts[k + 1] === 'latin');
  // From the last glyph back, so that a pair's second dash is settled before its first.
  for (let i = glyphs.length - 1; i >= 0; i--) {
    const g = glyphs[i]!;
    const next = glyphs[i + 1];
    g.runEnd = !next || next.role !== g.role || next.bold !== g.bold || scripts[i + 1] !== scripts[i] || ownRun(i) || ownRun(i + 1) || pairEdge.has(i);
    // A two-em pair drawn as one glyph is tracked as that glyph; drawn as two, its first dash is tracked.
    if (g.pairGlyph) g.runEnd = next!.runEnd;
  }

  // Lines are fitted as Word and LibreOffice fit them (derived.lineBreakTrackingPt): every
  // character condensed by the DOCX's tracking except the last of a run of one script and one
  // font role (and weight), which LibreOffice sets at its full advance, and the line's last
  // character. LibreOffice measures in device pixels (layout.text.fitPixelsPerPt) and keeps a
  // finished run's width in whole twips, rounded; the run that overflows is cut pixel by pixel.
  const track = px(options.breakTracking ?? options.tracking);
  const pxPerTwip = layout.text.fitPixelsPerPt / ptToTwip(1);
  const lines: Glyph[][] = [];
  let start = 0;
  while (start < glyphs.length) {
    const available = px((options.breakWidth ?? options.width) - (lines.length === 0 ? options.indent : 0));
    /** Finished runs with the automatic spaces before them, then the run being fitted. */
    let done = 0;
    let run = 0;
    let end = start;
    while (end < glyphs.length) {
      const g = glyphs[end]!;
      const lead = end === start ? 0 : px(g.space);
      if (done + run + lead + g.fitPx > available) break;
      run += lead + g.fitPx;
      if (g.runEnd) {
        done += Math.round(run / pxPerTwip) * pxPerTwip;
        run = 0;
      } else if (g.fitPx > 0) run += track;
      end++;
    }
    // A two-em dash is one glyph: it fits whole or goes down whole.
    if (end < glyphs.length && end - 1 > start && glyphs[end]!.fitPx === 0 && glyphs[end]!.char === EM_DASH) end--;
    if (end < glyphs.length) end = breakPoint(glyphs, start, end);
    lines.push(glyphs.slice(start, end));
    start = end;
    // Spaces where a line breaks are not carried to the next line's start.
    while (start < glyphs.length && glyphs[start]!.char === ' ') start++;
  }

  return lines.map((line, i) => {
    const indent = i === 0 ? options.indent : 0;
    const last = i === lines.length - 1;
    // The automatic spaces inside the line; one at the line's start is dropped.
    const spaces = line.map((g, j) => (j === 0 ? 0 : g.space));
    const natural = line.reduce((w, g, j) => w + g.advance + spaces[j]!, 0);
    const toEdge = line.length > 0 ? (options.width - EDGE_PT - indent - natural) / line.length : Infinity;
    // A line left at the grid's tracking (a paragraph's last) is condensed further where it would
    // pass the edge: one the clients fit at the DOCX's tighter condensing, with Latin text in it.
    const spacing = options.justify && !last && line.length > 0 ? toEdge : Math.min(options.tracking, toEdge);
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
 * Where a line breaks whose first glyph not to fit is `end`, as Word and LibreOffice break it.
 * They look back from the overflow to the nearest letter or digit: if it is Chinese, the break
 * moves back only while the next line would start with closing punctuation or this one end with an
 * opening mark (避头尾); if it is Latin, the break moves back to where UAX #14 allows one (never
 * inside a number or word, nor between `。` and a digit). A line breaks at a space; a 破折号 or
 * 省略号 is never split. Never returns `start` (a line always takes at least one glyph).
 */
function breakPoint(glyphs: Glyph[], start: number, end: number): number {
  if (glyphs[end]!.char === ' ') return end;
  const latinLetterAt = (k: number) => glyphs[k]!.script === 'latin' && letterOrDigit.test(glyphs[k]!.char);
  /** Whether the nearest letter or digit before position i (within the line) is Latin. */
  const latinBefore = (i: number) => {
    let k = i - 1;
    while (k > start && !letterOrDigit.test(glyphs[k]!.char)) k--;
    return latinLetterAt(k);
  };
  let western = latinBefore(end + 1);
  let at = end;
  const allowed = (i: number) => {
    const prev = glyphs[i - 1]!.char;
    const next = glyphs[i]!.char;
    if (splitsPair(prev, next)) return false;
    if (western) return westernBreakAllowed(prev, next, latinBefore(i));
    // An opening quotation mark moved back to a Latin letter or digit, or to a closing one after
    // it, stays with it (`率1“三项制度”`, `APP”“`), and the break moves on back by the Latin rules,
    // as the clients do (`APP、|“` may break).
    if ((next === '“' || next === '‘') && (latinLetterAt(i - 1) || ((prev === '”' || prev === '’') && latinBefore(i)))) {
      western = true;
      return false;
    }
    // Before a 省略号 or 破折号, a run of its own in the DOCX, LibreOffice breaks by UAX #14: not
    // after a letter for the one (`等……`), nor after a quotation mark for either (`设”——`).
    if ((next === ELLIPSIS || (next === EM_DASH && glyphs[i + 1]?.char === EM_DASH)) && !westernBreakAllowed(prev, next)) return false;
    return !noStart.has(next) && !noEnd.has(prev);
  };
  while (at > start && !allowed(at)) at--;
  return at > start ? at : end;
}
