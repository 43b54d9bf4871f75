import { ptToMm } from '@gongwen/model';
import type { HorizontalRule, ImageBox } from './measurements.js';

/** An affine matrix [a b c d e f], as in PDF and canvas: x' = a·x + c·y + e, y' = b·x + d·y + f. */
type Matrix = [number, number, number, number, number, number];

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
  lineWidth: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** The operator codes this scan needs (pdfjs `OPS`). */
export type Ops = Record<string, number>;

/** pdfjs `DrawOPS`: the codes inside a constructPath's flattened path data. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A rule is long and thin: at least this long (mm) and at most this thick (pt). */
export const RULE_MIN_LENGTH_MM = 20;
export const RULE_MAX_THICKNESS_PT = 4;

const compose = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function toHex(color: unknown): string {
  if (typeof color === 'string') return color.replace(/^#/, '').slice(0, 6).toUpperCase();
  if (color && typeof color === 'object' && 'length' in color) {
    const c = Array.from(color as ArrayLike<number>).slice(0, 3);
    return c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase();
  }
  return '000000';
}

/** Red as printed on a 公文 (pure red, #E60012 and the like), black, or anything else. */
export function toneOf(hex: string): HorizontalRule['tone'] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  if (r >= 150 && g <= 0.4 * r && b <= 0.4 * r) return 'red';
  if (Math.max(r, g, b) <= 64) return 'black';
  return 'other';
}

/** Bounding boxes of each subpath of pdfjs's flattened path data (user space). */
function subpathBoxes(data: ArrayLike<number>): Array<[number, number, number, number]> {
  const boxes: Array<[number, number, number, number]> = [];
  let box: [number, number, number, number] | undefined;
  const add = (x: number, y: number): void => {
    if (!box) box = [x, y, x, y];
    else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      if (box) boxes.push(box);
      box = undefined;
      add(data[i]!, data[i + 1]!);
      i += 2;
    } else if (op === DRAW.lineTo) {
      add(data[i]!, data[i + 1]!);
      i += 2;
    } else if (op === DRAW.curveTo) {
      for (let k = 0; k < 6; k += 2) add(data[i + k]!, data[i + k + 1]!);
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      for (let k = 0; k < 4; k += 2) add(data[i + k]!, data[i + k + 1]!);
      i += 4;
    } else if (op === DRAW.closePath) {
      // closes the current subpath; the next moveTo starts another
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  if (box) boxes.push(box);
  return boxes;
}

/**
 * Walks a page's operator list, following the transformation matrix and colours, and returns
 * the horizontal rules it paints and how many glyphs it paints in red. `base` maps PDF user
 * space to page points measured from the top-left (the viewport transform at scale 1).
 */
export function scanGraphics(list: OperatorList, OPS: Ops, base: Matrix): { rules: HorizontalRule[]; redGlyphs: number; images: ImageBox[] } {
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: base, fill: '000000', stroke: '000000', lineWidth: 1 };
  const rules: HorizontalRule[] = [];
  // Pieces shorter than a rule, kept to be joined end to end: a narrow table column's share of a rule.
  const pieces: HorizontalRule[] = [];
  const images: ImageBox[] = [];
  let redGlyphs = 0;
  const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill, OPS.closeFillStroke, OPS.closeEOFillStroke, OPS.fillStroke, OPS.eoFillStroke]);

  const record = (box: [number, number, number, number], stroked: boolean): void => {
    const corners = [apply(state.ctm, box[0], box[1]), apply(state.ctm, box[2], box[3]), apply(state.ctm, box[0], box[3]), apply(state.ctm, box[2], box[1])];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    const scale = Math.sqrt(Math.abs(state.ctm[0] * state.ctm[3] - state.ctm[1] * state.ctm[2]));
    const thickness = stroked ? state.lineWidth * scale + height : height;
    if (thickness > RULE_MAX_THICKNESS_PT || thickness <= 0 || width <= 0) return;
    const color = stroked ? state.stroke : state.fill;
    (ptToMm(width) < RULE_MIN_LENGTH_MM ? pieces : rules).push({
      x1: ptToMm(Math.min(...xs)),
      x2: ptToMm(Math.max(...xs)),
      y: ptToMm((Math.max(...ys) + Math.min(...ys)) / 2),
      length: ptToMm(width),
      thicknessPt: thickness,
      color,
      tone: toneOf(color),
    });
  };

  list.fnArray.forEach((fn, i) => {
    const args = (list.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = compose(state.ctm, args.slice(0, 6).map(Number) as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state };
        const m = args[0] as ArrayLike<number> | null;
        if (m && m.length >= 6) state.ctm = compose(state.ctm, Array.from(m).slice(0, 6) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setLineWidth:
        state.lineWidth = Number(args[0]);
        break;
      case OPS.setFillRGBColor:
        state.fill = toHex(args[0]);
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = toHex(args[0]);
        break;
      case OPS.showText:
        if (toneOf(state.fill) === 'red') {
          const glyphs = (args[0] ?? []) as Array<{ unicode?: string } | number | null>;
          redGlyphs += glyphs.filter((g) => g !== null && typeof g === 'object' && (g.unicode ?? '').trim() !== '').length;
        }
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const stroked = strokeOps.has(paint);
        if (!stroked && !fillOps.has(paint)) break;
        const data = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
        const minMax = args[2] as ArrayLike<number> | null | undefined;
        const boxes = data ? subpathBoxes(data) : minMax ? [[minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!] as [number, number, number, number]] : [];
        for (const box of boxes) record(box, stroked);
        break;
      }
      default:
        // An image fills the unit square of its transformation matrix.
        if (imageOps.has(fn)) {
          const corners = [apply(state.ctm, 0, 0), apply(state.ctm, 1, 1), apply(state.ctm, 0, 1), apply(state.ctm, 1, 0)];
          const xs = corners.map((c) => ptToMm(c[0]));
          const ys = corners.map((c) => ptToMm(c[1]));
          images.push({ x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) });
        }
        break;
    }
  });
  rules.push(...joinPieces(pieces));
  return { rules, redGlyphs, images };
}

/** Pieces that meet end to end at one height, weight and colour, joined; the joins as long as a rule kept. */
export function joinPieces(pieces: readonly HorizontalRule[]): HorizontalRule[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const joined: HorizontalRule[] = [];
  for (const p of sorted) {
    const last = joined.at(-1);
    if (last && Math.abs(last.y - p.y) < 0.1 && last.color === p.color && Math.abs(last.thicknessPt - p.thicknessPt) < 0.05 && p.x1 <= last.x2 + 0.5) {
      last.x2 = Math.max(last.x2, p.x2);
      last.length = last.x2 - last.x1;
    } else joined.push({ ...p });
  }
  return joined.filter((r) => r.length >= RULE_MIN_LENGTH_MM);
}
