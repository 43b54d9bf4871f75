import { derived, fontRoles, layout, mmToPt, type EndMatter } from '@gongwen/model';
import { pitch, type Node } from './grid.js';
import { inlines, round } from './inlines.js';
import type { Metrics } from './metrics.js';

/**
 * 版记 (7.4), laid out in absolute page positions: its last rule on the block's bottom edge, each
 * line one grid pitch with its text centred in it, 4号 text inset one character, 抄送 wrapping
 * aligned after its colon, the thick outer rules and thin inner rule.
 */
export function buildEndMatter(e: EndMatter, m: Metrics): { nodes: Node[]; height: number } {
  const size = layout.endMatter.fontSize;
  const inset = layout.endMatter.insetChars * size;
  const W = derived.blockWidthPt;
  const x0 = derived.marginsPt.left;
  const font = m.primary('body');
  const em = m.emBox(font, size);
  const width = (t: string) => m.textWidth(t, 'body', size);

  // Lines above the 印发 line: 主送 and 抄送, each wrapped to the inset width.
  const upper: { text: string; indent: number }[] = [];
  for (const t of [e.mainTo, e.copyTo]) if (t) upper.push(...wrap(t, W - 2 * inset, width, inset));
  const hasPrint = Boolean(e.printer || e.printDate);
  const lines = upper.length + (hasPrint ? 1 : 0);
  const height = lines * pitch;
  const top = derived.marginsPt.top + derived.blockHeightPt - height;

  const nodes: Node[] = [];
  const baseline = (i: number) => top + i * pitch + pitch / 2 + (em.top - em.bottom) / 2;
  const at = (text: string, i: number, x: number): Node => ({
    text: inlines(text, { role: 'body', size, lineHeightPt: m.naturalLineHeight(font, size) }, m),
    absolutePosition: { x: round(x), y: round(baseline(i) - m.ascent(font, size)) },
  });
  upper.forEach((l, i) => nodes.push(at(l.text, i, x0 + l.indent)));
  if (hasPrint) {
    const i = upper.length;
    if (e.printer) nodes.push(at(e.printer, i, x0 + inset));
    if (e.printDate) nodes.push(at(e.printDate, i, x0 + W - inset - width(e.printDate)));
  }
  const rule = (y: number, mm: number): Node => ({
    type: 'line',
    x1: 0,
    y1: round(y),
    x2: round(W),
    y2: round(y),
    lineWidth: round(mmToPt(mm)),
  });
  const rules = [rule(0, layout.endMatter.outerRule), rule(height, layout.endMatter.outerRule)];
  if (upper.length && hasPrint) rules.push(rule(upper.length * pitch, layout.endMatter.innerRule));
  nodes.push({ canvas: rules, absolutePosition: { x: round(x0), y: round(top) } });
  return { nodes, height };
}

/** Greedy line filling by measured width; continuation lines align after the first full-width colon. */
function wrap(text: string, available: number, width: (t: string) => number, inset: number): { text: string; indent: number }[] {
  const colon = text.indexOf('：');
  const hang = colon >= 0 ? width(text.slice(0, colon + 1)) : 0;
  const out: { text: string; indent: number }[] = [];
  let line = '';
  for (const ch of text) {
    const cap = out.length ? available - hang : available;
    if (line && width(line + ch) > cap + 0.01 && !'，。、；：）》”'.includes(ch)) {
      out.push({ text: line, indent: inset + (out.length ? hang : 0) });
      line = '';
    }
    line += ch;
  }
  if (line) out.push({ text: line, indent: inset + (out.length ? hang : 0) });
  return out;
}

