import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, loadStyle, type Style } from '@gongwen/compose';
import { documentLines, type Document } from '@gongwen/model';
import { renderText } from '@gongwen/render-text';
import { loadReport, type Block, type Report } from '@gongwen/schema';
import { readStyleFiles } from '@gongwen/templates';
import type { StyleFacts } from '../src/index.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const examplesDir = join(repoRoot, 'examples');
export const seedsDir = join(examplesDir, 'seeds');

const styles = new Map<string, Style>();
export function style(name: string): Style {
  let s = styles.get(name);
  if (!s) {
    const loaded = loadStyle(readStyleFiles(join(repoRoot, 'templates', name)), { name });
    if (!loaded.style) throw new Error(`style ${name} does not load`);
    s = loaded.style;
    styles.set(name, s);
  }
  return s;
}

/** What the importer is told of a style, as the CLI tells it. */
export function styleFacts(name: string): StyleFacts {
  const { manifest } = style(name);
  return { name, order: manifest.parts.order, required: manifest.parts.required, headings: manifest.parts.headings, defaultNumbering: manifest.numbering.default, markers: manifest.numbering.markers };
}

export function example(file: string): Report {
  const { report, diagnostics } = loadReport(readFileSync(join(examplesDir, file), 'utf8'), { filename: file });
  if (!report) throw new Error(`example ${file} is invalid: ${JSON.stringify(diagnostics)}`);
  return report;
}

export function compose(report: Report, styleName = report.style): Document {
  const { document, diagnostics } = composeDocument(report, style(styleName));
  if (!document) throw new Error(`does not compose: ${JSON.stringify(diagnostics, null, 1)}`);
  return document;
}

export const seeds = [
  { example: 'national-jiaokou-2021.yaml', seed: '000_8acbd6d25866d45d.txt' },
  { example: 'guangdong-suixi-wutang-2021.yaml', seed: '001_1ce4159c5a8e4bb4.txt' },
  { example: 'ningxia-haiyuan-lijun-2020.yaml', seed: '002_06cb966835ece50d.txt' },
  { example: 'liaoning-zhuanghe-taipingling-2023.yaml', seed: '003_7091a3f486ec236b.txt' },
  { example: 'shaanxi-nanzheng-fazhen-2022.yaml', seed: '004_4cda7b45264484a7.txt' },
];

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

/** As the compose fidelity test normalises: no whitespace, full-width marks, `N、` items as `N.`, no rules. */
export function normaliseLine(line: string): string {
  return line
    .replace(/^[\s\u3000]*(\d+)、/, '$1.')
    .replace(/[─]/g, '')
    .replace(/\s+/g, '')
    .replace(/[,;:()?!]/g, (c) => HALF_TO_FULL[c]!);
}

export function sentences(line: string): string[] {
  return line.match(/[^。！？]+[。！？]*|[。！？]+/g) ?? [];
}

export interface Fidelity {
  /** Sentences of the source that are report text. */
  sentences: number;
  /** Of them, found in the rendering in order. */
  found: number;
  /** The first one not found. */
  missing?: string;
  /** Characters of source text, after normalising. */
  characters: number;
}

/**
 * Every sentence of the source lines, in order, in the rendered text. The 版头 lines a copy may
 * print in any order are looked for anywhere.
 */
export function fidelity(sourceLines: readonly string[], doc: Document): Fidelity {
  const output = renderText(doc).split('\n').map(normaliseLine).join('');
  const header = new Set(doc.header ? [...doc.header.organs, doc.header.organs.join('') + doc.header.suffix, doc.header.documentNumber ?? ''].map(normaliseLine).filter(Boolean) : []);
  const lines = sourceLines.map(normaliseLine).filter((l) => l && !header.has(l));
  const pieces = lines.flatMap(sentences);
  let cursor = 0;
  let found = 0;
  let missing: string | undefined;
  for (const piece of pieces) {
    const at = output.indexOf(piece, cursor);
    if (at < 0) {
      missing ??= piece;
      continue;
    }
    found++;
    cursor = at + piece.length;
  }
  return { sentences: pieces.length, found, missing, characters: lines.join('').length };
}

/** A body's shape: what a reader sees of the structure (kinds of blocks, nesting, numbering), not the words. */
function shape(body: readonly Block[] | undefined, numbering: string | undefined, fallback: string): unknown {
  return {
    numbering: numbering ?? fallback,
    blocks: (body ?? []).map((b) => (typeof b === 'string' ? 'paragraph' : { heading: b.heading !== undefined, lead: b.lead !== undefined, text: b.text !== undefined, ...(b.body ? { body: shape(b.body, b.numbering, fallback) } : {}) })),
  };
}

/** The differences of structure between two reports, as readable lines (empty when equal). */
/** `fallback`: the numbering of the style, where the data says none. */
export function structureDifferences(a: Report, b: Report, fallback = 'level'): string[] {
  const out: string[] = [];
  const kinds = (r: Report) => r.parts.map((p) => p.kind).join(',');
  if (kinds(a) !== kinds(b)) out.push(`part kinds: ${kinds(a)} vs ${kinds(b)}`);
  a.parts.forEach((p, i) => {
    const q = b.parts[i];
    if (!q) return;
    if ((p.includes ?? []).join(',') !== (q.includes ?? []).join(',')) out.push(`parts[${i}].includes: [${p.includes ?? []}] vs [${q.includes ?? []}]`);
    const walk = (x: unknown, y: unknown, path: string) => {
      if (JSON.stringify(x) === JSON.stringify(y)) return;
      if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) === !Array.isArray(y)) {
        const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
        for (const k of keys) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], Array.isArray(x) ? `${path}[${k}]` : `${path}.${k}`);
      } else out.push(`parts[${i}]${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    };
    walk(shape(p.body, p.numbering, fallback), shape(q.body, q.numbering, fallback), '');
  });
  for (const key of ['title', 'addressee', 'preamble', 'closing', 'signature', 'documentNumber'] as const) {
    if ((a[key] === undefined) !== (b[key] === undefined)) out.push(`${key}: ${a[key] === undefined ? 'absent' : 'present'} vs ${b[key] === undefined ? 'absent' : 'present'}`);
  }
  return out;
}

/** The rendered words of the report body, paragraph by paragraph: what the differences must not change. */
export function bodyLines(doc: Document): string[] {
  return documentLines({ ...doc, header: undefined, signature: undefined, title: [] }).map(normaliseLine);
}
