import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { visit, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';
import { offsetsToRange } from './locate.js';
import { yamlMessage } from './yaml-messages.js';

/** At most this many YAML errors are listed; after that they are echoes of the first ones. */
const maxYamlDiagnostics = 50;

const ruleByCode: Partial<Record<string, string>> = {
  TAG_RESOLVE_FAILED: 'yaml/unknown-tag',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  RESOURCE_EXHAUSTION: 'yaml/too-deep',
  DUPLICATE_KEY: 'yaml/duplicate-key',
};

export interface YamlErrorContext {
  doc: Document;
  text: string;
  lineCounter: LineCounter;
  file?: string;
  lang: Lang;
}

/** The parser's errors and warnings as diagnostics: one per spot, worded for the reader, pointing where the slip is. */
export function yamlErrorDiagnostics(problems: readonly YAMLError[], ctx: YamlErrorContext): Diagnostic[] {
  const { doc, text, lineCounter, file, lang } = ctx;
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number) => offsetsToRange(start, Math.max(end, start), lineCounter);
  const exhausted = problems.filter((e) => e.code === 'RESOURCE_EXHAUSTION');
  // Running out of stack produces a cascade of follow-on errors; the first one is the story.
  const reported = exhausted.length > 0 ? [exhausted.sort((a, b) => a.pos[0] - b.pos[0])[0]!] : problems;
  // One message per spot and per line: a single slip often trips several checks there (a list
  // item under a mapping is both a misplaced sequence and a key running over a line).
  const seen = new Set<number>();
  const lines = new Set<number>();
  for (const e of [...reported].sort((a, b) => a.pos[0] - b.pos[0])) {
    const line = lineCounter.linePos(e.pos[0]).line;
    if (seen.has(e.pos[0]) || lines.has(line)) continue;
    seen.add(e.pos[0]);
    lines.add(line);
    if (diagnostics.length >= maxYamlDiagnostics) break;
    const colon = pastedColon(text, lineCounter, e, lang);
    if (colon) {
      diagnostics.push(error('yaml/ascii-colon', colon.message, { file, ...at(colon.offset, colon.offset + 1), hint: colon.hint }));
      continue;
    }
    const nested = e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' ? overIndentedKey(text, e.pos[0], lang) : undefined;
    const { message, hint } = nested ?? lineSlip(text, lineCounter, e.pos[0], lang) ?? listUnderMapping(text, lineCounter, e, lang) ?? yamlMessage(e.code, e.message, lang);
    const opening = e.code === 'RESOURCE_EXHAUSTION' ? undefined : openingOf(doc, e);
    const ruleId = ruleByCode[e.code] ?? 'yaml/syntax';
    const span = nested ? at(nested.start, nested.end) : opening !== undefined ? at(opening, opening + 1) : at(e.pos[0], e.pos[1]);
    diagnostics.push(error(ruleId, message, { file, ...span, ...(hint ? { hint } : {}) }));
  }
  return diagnostics;
}

function lineAt(text: string, lineCounter: LineCounter, offset: number): { line: number; start: number; content: string } {
  const { line } = lineCounter.linePos(offset);
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  return { line, start, content: text.slice(start, end < 0 ? text.length : end) };
}

/** What to say about an ASCII colon inside Chinese text, which YAML takes for the start of a key. */
export function asciiColonMessage(lang: Lang): { message: string; hint: string } {
  return {
    message: say(lang, '文字中的英文冒号“:”让 YAML 把它前面的字当成了键（从网页复制的文字常有这种冒号）', 'an ASCII colon ":" inside the text makes YAML read what comes before it as a key'),
    hint: say(lang, '改成中文冒号“：”，或给整段文字加上英文双引号。', 'write the full-width colon "：" (as Chinese text does), or put the whole text in double quotes'),
  };
}

/**
 * A value such as `text: 主要做法: 一是……` — text pasted from the web, whose ASCII colon YAML reads
 * as a nested key. Found on the line of a nested-mapping error: the colon that follows a Chinese
 * character, after the line's own key.
 */
function pastedColon(text: string, lineCounter: LineCounter, e: YAMLError, lang: Lang): { message: string; hint: string; offset: number } | undefined {
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && !/Nested mappings/.test(e.message)) return undefined;
  const { start, content } = lineAt(text, lineCounter, e.pos[0]);
  const own = /^\s*(?:- )?[A-Za-z$][\w$]*:\s+/.exec(content);
  if (!own) return undefined;
  const rest = content.slice(own[0].length);
  const m = /[^\x00-\x7f]\s*(:)(?=\s|$)/.exec(rest);
  if (!m) return undefined;
  return { ...asciiColonMessage(lang), offset: start + own[0].length + m.index + m[0].length - 1 };
}

/**
 * `- 甲乡人民政府` under `signature:`, whose other lines are keys: a list item inside a mapping.
 * Named with the key it stands under and what to do.
 */
function listUnderMapping(text: string, lineCounter: LineCounter, e: YAMLError, lang: Lang): { message: string; hint: string } | undefined {
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const { line, content } = lineAt(text, lineCounter, e.pos[0]);
  const item = /^(\s*)- (.*)$/.exec(content);
  if (!item) return undefined;
  const indent = item[1]!.length;
  // The key this item stands under: the nearest line above that is indented less.
  const lines = text.split('\n');
  let parent: string | undefined;
  for (let i = line - 2; i >= 0; i--) {
    const above = /^(\s*)(?:- )?([^\s:#][^:#]*):(?:\s|$)/.exec(lines[i]!);
    if (above && above[1]!.length < indent) {
      parent = above[2]!.trim();
      break;
    }
  }
  const value = item[2]!.trim();
  return {
    message: say(lang, `列表项“- ${value}”写在了 ${parent ?? '映射'} 的键之间`, `the list item "- ${value}" stands among the keys of ${parent ?? 'a mapping'}`),
    hint: say(
      lang,
      '同一个键下面要么全是“键: 值”，要么全是“- 列表项”；列表若属于某个键（如 organs:），写在那个键下面并多缩进两个空格。',
      'under one key write either "key: value" lines or "- item" lines, not both; a list that belongs to a key (such as organs:) goes under that key, indented two more spaces',
    ),
  };
}

/**
 * The library reports an unclosed quote or bracket where the file ends up; the reader needs the
 * place where it was opened: the start of the quoted text or flow collection that ends at the error.
 */
function openingOf(doc: Document, e: YAMLError): number | undefined {
  const quote = /^Missing closing .quote/.test(e.message);
  const bracket = /end with an? [\]}]/.test(e.message);
  if (!quote && !bracket) return undefined;
  let start: number | undefined;
  const consider = (node: Node) => {
    const r = node.range;
    if (r && r[1] === e.pos[0] && r[0] < e.pos[0] && (start === undefined || r[0] > start)) start = r[0];
  };
  try {
    visitOpenings();
  } catch {
    return undefined; // too deep to walk; the library's own position stands
  }
  return start;

  function visitOpenings() {
    visit(doc, {
      Scalar(_, node) {
        if (quote && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) consider(node);
      },
      Seq(_, node) {
        if (bracket && node.flow) consider(node);
      },
      Map(_, node) {
        if (bracket && node.flow) consider(node);
      },
    });
  }
}

/**
 * `year: 2023` followed by `  organ: …` on the next line: the parser stops at the value above
 * (it reads the two lines as one multi-line key), but the slip is the indented key below it.
 */
function overIndentedKey(text: string, offset: number, lang: Lang): { message: string; hint: string; start: number; end: number } | undefined {
  const rest = text.slice(offset);
  const colon = /:(?=[ \t]|\r?\n|$)/.exec(rest);
  const newline = rest.indexOf('\n');
  if (!colon || newline < 0 || newline > colon.index) return undefined;
  const lineStart = offset + rest.lastIndexOf('\n', colon.index) + 1;
  const start = lineStart + Math.max(0, text.slice(lineStart).search(/\S/));
  const end = offset + colon.index;
  const key = text.slice(start, end).trim();
  return {
    message: say(lang, `键“${key}”缩进到了上一行的值下面，不能作为新的键`, `the key "${key}" is indented under the value on the line above, so it cannot start a new key`),
    hint: say(
      lang,
      '请让它与同一层的键对齐；若它属于上一行的键，上一行冒号后面就不能再写值。',
      'line it up with the keys of its level; if it belongs under the key above, that key must have no value on its own line',
    ),
    start,
    end: Math.max(end, start + 1),
  };
}

/**
 * Slips that Chinese input methods make and the parser cannot name: a full-width colon after a key,
 * full-width spaces as indentation. Recognised on the line of the error.
 */
function lineSlip(text: string, lineCounter: LineCounter, offset: number, lang: Lang): { message: string; hint: string } | undefined {
  const { line, col } = lineCounter.linePos(offset);
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  const content = text.slice(start, end < 0 ? text.length : end);
  if (/^[\s\u3000]*\u3000/.test(content)) {
    return {
      message: say(lang, '行首用了全角空格缩进', 'the line is indented with full-width spaces'),
      hint: say(lang, '缩进只能用半角空格。', 'indent with ordinary (half-width) spaces only'),
    };
  }
  const key = /^\s*(?:- )?[^\s:：#'"]+：/.exec(content);
  // Only when the parser stumbled on that key, not somewhere later in the line.
  if (key && col <= key[0].length) {
    return {
      message: say(lang, '键后面用了中文冒号“：”', 'a key is followed by a full-width colon "："'),
      hint: say(lang, '键后面要用英文冒号加空格，如 title: 报告。', 'write an ASCII colon and a space after the key, e.g. title: 报告'),
    };
  }
  return undefined;
}
