import type { Diagnostic, Lang } from './diagnostic.js';

export interface FormatOptions {
  /** The text of the file the diagnostic points into, for the excerpt with a caret. */
  source?: string;
  lang?: Lang;
  /** ANSI colours, for a terminal. */
  color?: boolean;
}

const severityWords: Record<Lang, Record<Diagnostic['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const hintWord: Record<Lang, string> = { zh: '建议', en: 'hint' };

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** `file:line:col` as compilers print it; parts that are unknown are left out. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  let out = d.file ?? '<input>';
  if (d.line !== undefined) {
    out += `:${d.line}`;
    if (d.column !== undefined) out += `:${d.column}`;
  }
  return out;
}

/**
 * Formats one diagnostic the way compilers do, so editors and CI annotators parse it:
 *
 *     report.yaml:12:7: error: 期望字符串，实际是数字 [schema/type]
 *       12 |   title: 2021
 *          |          ^^^^
 *       建议: …
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const color = options.color ?? false;
  const sev = severityWords[lang][d.severity];
  const paint = d.severity === 'error' ? ansi('31;1', color) : d.severity === 'warning' ? ansi('33;1', color) : ansi('36', color);
  const dim = ansi('2', color);
  const where = d.path ? ` (${d.path})` : '';
  const lines = [`${formatLocation(d)}: ${paint(sev)}: ${d.message}${where} ${dim(`[${d.ruleId}]`)}`];
  const excerpt = options.source !== undefined ? formatExcerpt(d, options.source) : undefined;
  if (excerpt) lines.push(...excerpt.map((l) => dim(l)));
  if (d.hint) lines.push(`  ${hintWord[lang]}: ${d.hint}`);
  return lines.join('\n');
}

/** The source line a diagnostic points at, with carets under the span. */
export function formatExcerpt(d: Diagnostic, source: string): string[] | undefined {
  if (d.line === undefined) return undefined;
  const sourceLines = source.split(/\r\n|\r|\n/);
  const text = sourceLines[d.line - 1];
  if (text === undefined) return undefined;
  // Long lines (a whole paragraph in one YAML scalar) show a window around the spot.
  const width = 120;
  const column = Math.max(1, Math.min(d.column ?? 1, text.length + 1));
  const start = column - 1 > width - 40 ? column - 1 - 40 : 0;
  const prefix = start > 0 ? '…' : '';
  const shown = prefix + text.slice(start, start + width) + (start + width < text.length ? '…' : '');
  const col = column - start + prefix.length;
  const lastCol = d.endLine === d.line && d.endColumn !== undefined ? d.endColumn - start + prefix.length : col + 1;
  const endCol = lastCol > col ? Math.min(lastCol, shown.length + 1) : col + 1;
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  // Wide (CJK) characters take two terminal columns; pad the caret line to match.
  const before = widthOf(shown.slice(0, col - 1));
  const span = Math.max(1, widthOf(shown.slice(col - 1, endCol - 1)));
  return [`  ${gutter} | ${shown}`, `  ${pad} | ${' '.repeat(before)}${'^'.repeat(span)}`];
}

function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || (ch.codePointAt(0) ?? 0) > 0x1ffff ? 2 : 1;
  return w;
}

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

/** The machine-readable shape every command prints with `--format json`. */
export function toJsonReport(files: FileReport[]): { ok: boolean; files: FileReport[] } {
  return { ok: files.every((f) => f.diagnostics.every((d) => d.severity !== 'error')), files };
}
