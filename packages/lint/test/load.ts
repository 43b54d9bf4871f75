import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '@gongwen/schema';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { lintReport } from '../src/index.js';
import type { LintOptions, Locate } from '../src/index.js';

export const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The five seed reports as data, by seed number. */
export const seeds = {
  '000': 'national-jiaokou-2021.yaml',
  '001': 'guangdong-suixi-wutang-2021.yaml',
  '002': 'ningxia-haiyuan-lijun-2020.yaml',
  '003': 'liaoning-zhuanghe-taipingling-2023.yaml',
  '004': 'shaanxi-nanzheng-fazhen-2022.yaml',
} as const;

export interface Loaded {
  source: string;
  report: Report;
  locate: Locate;
}

/** Parses YAML and locates data paths the way @gongwen/schema's loadReport does (1-based line/column of the node). */
export function loadText(source: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  const locate: Locate = (path) => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (!isNode(node) || !node.range) return undefined;
    const start = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(node.range[1]);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  return { source, report: doc.toJS() as Report, locate };
}

export function loadFile(path: string): Loaded {
  return loadText(readFileSync(path, 'utf8'));
}

export function loadSeed(seed: keyof typeof seeds): Loaded {
  return loadFile(examplesDir + seeds[seed]);
}

export function loadFixture(name: string): Loaded {
  return loadFile(fixturesDir + name);
}

/** Lints loaded YAML with positions, in Chinese unless told. */
export function lint(loaded: Loaded, options: LintOptions = {}) {
  return lintReport(loaded.report, { source: loaded.source, locate: loaded.locate, ...options });
}

/** The source text a diagnostic's range covers (single-line ranges). */
export function spanText(source: string, d: { line?: number; column?: number; endColumn?: number }): string {
  const line = source.split(/\r?\n/)[d.line! - 1]!;
  return line.slice(d.column! - 1, d.endColumn! - 1);
}

export const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** A style's manifest (templates/<style>/style.yaml) as the CLI hands it to the linter. */
export function loadStyle(name: string): LintOptions['style'] {
  return parseDocument(readFileSync(`${templatesDir}${name}/style.yaml`, 'utf8')).toJS() as LintOptions['style'];
}
