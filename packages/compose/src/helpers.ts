import type { HelperDelegate } from 'handlebars';
import { chineseDate } from './dates.js';
import { chineseNumeral, formatMarker } from './numerals.js';
import { toFullWidth } from './punctuation.js';
import { unmarked } from './source-marks.js';

// Handlebars passes its `options` object as the last argument; helpers take the others, data
// values without the marks that carry their origin (a value a helper computes on has none).
function args(raw: unknown[]): unknown[] {
  return raw.slice(0, -1).map((v) => (typeof v === 'string' ? unmarked(v) : v));
}

function num(value: unknown, helper: string): number {
  const n = typeof value === 'number' ? value : Number(String(value));
  if (!Number.isFinite(n)) throw new TypeError(`helper "${helper}" needs a number, got ${JSON.stringify(value)}`);
  return n;
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

const unary =
  (name: string, fn: (n: number) => string): HelperDelegate =>
  (...raw: unknown[]) =>
    fn(num(args(raw)[0], name));

interface HelperLocation {
  loc?: { start: { line: number; column: number } };
}

/** Gives a helper's error the template position Handlebars passes in the options argument. */
function located(fn: HelperDelegate): HelperDelegate {
  return (...raw: unknown[]) => {
    try {
      return fn(...raw);
    } catch (e) {
      const loc = (raw[raw.length - 1] as HelperLocation | undefined)?.loc;
      const err = e instanceof Error ? e : new Error(String(e));
      if (loc) Object.assign(err, { lineNumber: loc.start.line, column: loc.start.column });
      throw err;
    }
  };
}

/**
 * The fixed helper set every style gets. Styles cannot add helpers: a style folder holds no code.
 * Each helper is a pure function of its arguments.
 */
const plainHelpers: Record<string, HelperDelegate> = {
  cn: unary('cn', chineseNumeral),
  cnComma: unary('cnComma', (n) => formatMarker('cn-comma', n)),
  cnParen: unary('cnParen', (n) => formatMarker('cn-paren', n)),
  ordinal: unary('ordinal', (n) => formatMarker('ordinal', n)),
  arabicDot: unary('arabicDot', (n) => formatMarker('arabic-dot', n)),
  arabicParen: unary('arabicParen', (n) => formatMarker('arabic-paren', n)),
  chineseDate: (...raw: unknown[]) => chineseDate(str(args(raw)[0])),
  add: (...raw: unknown[]) => {
    const [a, b] = args(raw);
    return num(a, 'add') + num(b, 'add');
  },
  sub: (...raw: unknown[]) => {
    const [a, b] = args(raw);
    return num(a, 'sub') - num(b, 'sub');
  },
  fullwidth: (...raw: unknown[]) => toFullWidth(str(args(raw)[0])),
  eq: (...raw: unknown[]) => {
    const [a, b] = args(raw);
    return a === b;
  },
  join: (...raw: unknown[]) => {
    const [list, sep] = args(raw);
    if (!Array.isArray(list)) throw new TypeError('helper "join" needs a list');
    // The items keep their marks: joined, each still names its own place in the data.
    return list.map(str).join(sep === undefined ? '' : str(sep));
  },
};

export const helpers: Record<string, HelperDelegate> = Object.fromEntries(Object.entries(plainHelpers).map(([name, fn]) => [name, located(fn)]));

/** Handlebars' own block helpers, allowed alongside ours. */
export const builtinHelpers = ['if', 'unless', 'each', 'with', 'lookup'] as const;

export const knownHelpers: Record<string, true> = Object.fromEntries(
  [...Object.keys(helpers), ...builtinHelpers].map((name) => [name, true]),
);
