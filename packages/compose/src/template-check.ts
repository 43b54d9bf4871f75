import type { Diagnostic } from '@gongwen/diagnostics';
import { error } from '@gongwen/diagnostics';
import { knownHelpers } from './helpers.js';
import { attributeHints, elements } from './markup-spec.js';
import { t, type Lang } from './messages.js';
import { sourceMark } from './source-marks.js';

/**
 * Load-time checks of one template's syntax tree: no unescaped output, only known helpers,
 * only existing partials. Also writes the position marks into its literal text (see
 * source-marks.ts). Returns the problems found, each at the template's file and line.
 */
export function checkTemplateAst(
  ast: hbs.AST.Program,
  file: string,
  fileIndex: number | undefined,
  partials: ReadonlySet<string>,
  lang: Lang,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (loc: hbs.AST.SourceLocation | undefined) => ({ file, line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 });

  const helperCall = (path: hbs.AST.Expression, loc: hbs.AST.SourceLocation) => {
    const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined;
    if (name === undefined || !knownHelpers[name]) {
      diagnostics.push(
        error('template/unknown-helper', t(lang, `未知的助手函数“${name ?? path.type}”`, `unknown helper "${name ?? path.type}"`), {
          ...at(loc),
          hint: t(lang, `可用的助手：${Object.keys(knownHelpers).join('、')}（见 packages/compose/MARKUP.md）。`, `Available helpers: ${Object.keys(knownHelpers).join(', ')} (see packages/compose/MARKUP.md).`),
        }),
      );
    }
  };

  const visitCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, isBlock: boolean) => {
    const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (isBlock || hasArgs || node.type === 'SubExpression') helperCall(node.path, node.loc);
    for (const p of node.params) visitExpression(p);
    for (const pair of node.hash?.pairs ?? []) visitExpression(pair.value);
  };

  const visitExpression = (e: hbs.AST.Expression) => {
    if (e.type === 'SubExpression') visitCall(e as hbs.AST.SubExpression, false);
  };

  const visitProgram = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) visit(node);
  };

  const visit = (node: hbs.AST.Statement) => {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (!m.escaped) {
          diagnostics.push(
            error('template/unescaped', t(lang, '模板不得使用不转义的输出 {{{…}}} 或 {{&…}}', 'templates must not use unescaped output {{{…}}} or {{&…}}'), {
              ...at(m.loc),
              hint: t(lang, '改用 {{…}}：数据中的标记字符会原样印出。', 'Use {{…}}: markup characters in data then print literally.'),
            }),
          );
        }
        visitCall(m, false);
        break;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        visitCall(b, true);
        visitProgram(b.program);
        visitProgram(b.inverse);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = node as hbs.AST.PartialStatement;
        const nameNode = p.name as hbs.AST.Expression;
        const name = nameNode.type === 'PathExpression' ? (nameNode as hbs.AST.PathExpression).original : nameNode.type === 'StringLiteral' ? (nameNode as hbs.AST.StringLiteral).value : undefined;
        if (name === undefined) {
          diagnostics.push(error('template/missing-partial', t(lang, '不支持动态局部模板名', 'dynamic partial names are not supported'), at(p.loc)));
        } else if (!partials.has(name)) {
          diagnostics.push(
            error('template/missing-partial', t(lang, `找不到局部模板“${name}”`, `partial "${name}" not found`), {
              ...at(p.loc),
              hint: t(lang, `应有文件 partials/${name}.hbs。现有：${[...partials].join('、') || '无'}。`, `Expected the file partials/${name}.hbs. Present: ${[...partials].join(', ') || 'none'}.`),
            }),
          );
        }
        for (const param of p.params) visitExpression(param);
        for (const pair of p.hash?.pairs ?? []) visitExpression(pair.value);
        if (node.type === 'PartialBlockStatement') visitProgram((node as hbs.AST.PartialBlockStatement).program);
        break;
      }
      case 'ContentStatement':
        if (fileIndex !== undefined) markContent(node as hbs.AST.ContentStatement, fileIndex);
        break;
      case 'CommentStatement':
        break;
      default:
        // Decorators and anything newer than this check.
        diagnostics.push(error('template/unknown-helper', t(lang, `不支持的模板语句 ${node.type}`, `unsupported template statement ${node.type}`), at(node.loc)));
    }
  };

  visitProgram(ast);
  return diagnostics;
}

function markContent(node: hbs.AST.ContentStatement, fileIndex: number): void {
  if (node.value === '') return;
  // Whitespace control may have trimmed leading lines off `value`; count them from `original`.
  // (The typings call `original` StripFlags; at run time it is the source text.)
  const original = node.original as unknown as string;
  const skipped = original.slice(0, Math.max(0, original.indexOf(node.value)));
  let line = node.loc.start.line + (skipped.match(/\n/g)?.length ?? 0);
  node.value = sourceMark(fileIndex, line) + node.value.replace(/\n/g, () => `\n${sourceMark(fileIndex, ++line)}`);
}

/**
 * Load-time check of the tags a template writes literally: unknown elements and attributes are
 * reported before any report is rendered. Mustaches are masked out first; a value written by a
 * mustache is checked when the output is parsed.
 */
export function checkTemplateTags(source: string, file: string, lang: Lang): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const DYNAMIC = '\u0003';
  const masked = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, DYNAMIC));
  const lineOf = (offset: number) => (masked.slice(0, offset).match(/\n/g)?.length ?? 0) + 1;
  for (const m of masked.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g)) {
    const name = m[1]!;
    const spec = elements[name];
    const line = lineOf(m.index);
    if (!spec) {
      diagnostics.push(
        error('template/unknown-tag', t(lang, `未知元素 <${name}>`, `unknown element <${name}>`), {
          file,
          line,
          column: 1,
          hint: t(lang, `可用的元素：${Object.keys(elements).join('、')}（见 packages/compose/MARKUP.md）。`, `Elements: ${Object.keys(elements).join(', ')} (see packages/compose/MARKUP.md).`),
        }),
      );
      continue;
    }
    for (const a of (m[2] ?? '').matchAll(/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g)) {
      const attr = a[1]!;
      const value = a[2]!;
      const check = spec.attributes[attr];
      if (!check) {
        diagnostics.push(error('template/bad-attribute', t(lang, `<${name}> 没有属性 ${attr}`, `<${name}> has no attribute ${attr}`), { file, line, column: 1 }));
      } else if (!value.includes(DYNAMIC) && !check(value)) {
        diagnostics.push(
          error('template/bad-attribute', t(lang, `<${name}> 的属性 ${attr}="${value}" 取值无效，应为 ${attributeHints[attr]}`, `<${name}> ${attr}="${value}" is invalid; expected ${attributeHints[attr]}`), { file, line, column: 1 }),
        );
      }
    }
  }
  return diagnostics;
}
