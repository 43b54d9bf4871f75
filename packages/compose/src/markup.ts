import { error, type Diagnostic, type Result } from '@gongwen/diagnostics';
import { attributeHints, elements } from './markup-spec.js';
import { SOURCE_MARK, unmarked, type SourcePosition } from './source-marks.js';
import { t, type Lang } from './messages.js';

export interface TextNode {
  kind: 'text';
  /** The printed text, still holding the data marks of the values in it (see `takeDataMarks`). */
  text: string;
}

export interface ElementNode {
  kind: 'element';
  name: string;
  attributes: Record<string, string>;
  children: MarkupNode[];
  position: SourcePosition;
}

export type MarkupNode = TextNode | ElementNode;

export interface ParseMarkupResult extends Result {
  root?: ElementNode;
  diagnostics: Diagnostic[];
}

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*(\/?)>$/;
const ATTRIBUTE = /([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities Handlebars' escaping produces (and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? all;
  });
}

/**
 * Parses the markup a style printed. `files` maps the file index in position marks to the
 * template path, so every error names the template file and line that printed the offending tag.
 */
export function parseMarkup(markup: string, files: readonly string[], lang: Lang = 'zh'): ParseMarkupResult {
  const diagnostics: Diagnostic[] = [];
  let position: SourcePosition = { file: files[0] ?? 'document.hbs', line: 1 };
  const at = (p: SourcePosition) => ({ file: p.file, line: p.line, column: 1 });
  const setPosition = (fileIndex: string, line: string) => {
    position = { file: files[Number(fileIndex)] ?? position.file, line: Number(line) };
  };

  const root: ElementNode = { kind: 'element', name: '#root', attributes: {}, children: [], position };
  const stack: ElementNode[] = [root];
  const top = () => stack[stack.length - 1]!;

  const pushText = (raw: string) => {
    // Split on marks so the position stays current while text is collected.
    let last = 0;
    for (const m of raw.matchAll(SOURCE_MARK)) {
      appendText(raw.slice(last, m.index));
      setPosition(m[1]!, m[2]!);
      last = m.index + m[0].length;
    }
    appendText(raw.slice(last));
  };
  const appendText = (raw: string) => {
    // A line break with its indentation is template layout, never content.
    const text = raw.replace(/\s*\n\s*/g, '');
    if (text === '') return;
    const parent = top();
    const spec = elements[parent.name];
    if (!spec || spec.content === 'elements') {
      if (text.trim() !== '') {
        diagnostics.push(
          error('template/stray-text', t(lang, `文字“${clip(decodeEntities(text))}”不在任何可容纳文字的元素内`, `text "${clip(decodeEntities(text))}" is outside any element that holds text`), {
            ...at(position),
            hint: t(lang, '把它放进 <p>、<h> 等元素，或删去。', 'Put it inside <p>, <h> or another text element, or remove it.'),
          }),
        );
      }
      return;
    }
    const prev = parent.children[parent.children.length - 1];
    if (prev?.kind === 'text') prev.text += text;
    else parent.children.push({ kind: 'text', text });
  };

  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    if (lt === -1) {
      pushText(markup.slice(i));
      break;
    }
    pushText(markup.slice(i, lt));
    const gt = markup.indexOf('>', lt);
    let rawTag = markup.slice(lt, gt === -1 ? markup.length : gt + 1);
    i = gt === -1 ? markup.length : gt + 1;
    const tagStart = position;
    // Marks inside a tag that spans template lines: keep the position of the tag's start for errors.
    let lastMark: RegExpMatchArray | undefined;
    for (const m of rawTag.matchAll(SOURCE_MARK)) lastMark = m;
    // A value printed into an attribute keeps no origin: the mark would break the tag.
    rawTag = unmarked(rawTag.replace(SOURCE_MARK, '')).replace(/\s+/g, ' ');
    if (lastMark) setPosition(lastMark[1]!, lastMark[2]!);
    const m = TAG.exec(rawTag);
    if (!m) {
      diagnostics.push(
        error('template/bad-tag', t(lang, `无法识别的标记 ${clip(rawTag)}`, `malformed tag ${clip(rawTag)}`), {
          ...at(tagStart),
          hint: t(lang, '标记写作 <name attr="value">…</name>，见 packages/compose/MARKUP.md。', 'Tags look like <name attr="value">…</name>; see packages/compose/MARKUP.md.'),
        }),
      );
      continue;
    }
    const [, closing, name = '', attrText = '', selfClosing] = m;
    const spec = elements[name];
    if (closing) {
      const open = top();
      if (open.name === name) {
        stack.pop();
        continue;
      }
      const known = stack.findIndex((e) => e.name === name);
      diagnostics.push(
        error(
          'template/mismatched-tag',
          open.name === '#root'
            ? t(lang, `多余的结束标记 </${name}>`, `closing tag </${name}> has no opening tag`)
            : t(lang, `结束标记 </${name}> 与 <${open.name}>（${open.position.file}:${open.position.line}）不匹配`, `closing tag </${name}> does not match <${open.name}> (${open.position.file}:${open.position.line})`),
          { ...at(tagStart), hint: t(lang, `先关闭 <${open.name}>。`, `Close <${open.name}> first.`) },
        ),
      );
      if (known > 0) stack.length = known; // recover: close up to the matching element
      continue;
    }
    if (!spec) {
      diagnostics.push(
        error('template/unknown-tag', t(lang, `未知元素 <${name}>`, `unknown element <${name}>`), {
          ...at(tagStart),
          hint: t(lang, '可用的元素见 packages/compose/MARKUP.md。', 'See packages/compose/MARKUP.md for the elements.'),
        }),
      );
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrText.matchAll(ATTRIBUTE)) {
      const attrName = a[1]!;
      const value = decodeEntities(a[2]!);
      const check = spec.attributes[attrName];
      if (!check || !check(value)) {
        diagnostics.push(
          error(
            'template/bad-attribute',
            check
              ? t(lang, `<${name}> 的属性 ${attrName}="${value}" 取值无效，应为 ${attributeHints[attrName]}`, `<${name}> ${attrName}="${value}" is invalid; expected ${attributeHints[attrName]}`)
              : t(lang, `<${name}> 没有属性 ${attrName}`, `<${name}> has no attribute ${attrName}`),
            { ...at(tagStart) },
          ),
        );
        continue;
      }
      attributes[attrName] = value;
    }
    let parent = top();
    // An element that cannot stand inside an open text element means that element was not closed.
    if (parent.name !== '#root' && elements[parent.name]?.content !== 'elements' && !spec.parents.includes(parent.name)) {
      diagnostics.push(
        error('template/unclosed-tag', t(lang, `<${parent.name}> 在 <${name}> 之前没有结束`, `<${parent.name}> is not closed before <${name}>`), {
          file: parent.position.file,
          line: parent.position.line,
          column: 1,
          hint: t(lang, `在 <${parent.name}> 的内容之后加上 </${parent.name}>。`, `Add </${parent.name}> after its content.`),
        }),
      );
      stack.pop();
      parent = top();
    }
    const parentName = parent.name === '#root' ? '' : parent.name;
    const allowed = name === 'document' ? parent.name === '#root' : spec.parents.includes(parentName);
    if (!allowed) {
      diagnostics.push(
        error(
          'template/misplaced-tag',
          t(lang, `<${name}> 不能放在 ${parentName ? `<${parentName}>` : '顶层'} 内`, `<${name}> cannot stand inside ${parentName ? `<${parentName}>` : 'the top level'}`),
          { ...at(tagStart), hint: t(lang, `<${name}> 应放在 ${spec.parents.map((p) => `<${p}>`).join('、') || '顶层'} 内。`, `<${name}> belongs inside ${spec.parents.map((p) => `<${p}>`).join(', ') || 'the top level'}.`) },
        ),
      );
    }
    const node: ElementNode = { kind: 'element', name, attributes, children: [], position: tagStart };
    parent.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  for (const open of stack.slice(1).reverse()) {
    diagnostics.push(
      error('template/unclosed-tag', t(lang, `<${open.name}> 没有结束标记`, `<${open.name}> is never closed`), {
        file: open.position.file,
        line: open.position.line,
        column: 1,
        hint: t(lang, `在对应位置加上 </${open.name}>。`, `Add </${open.name}> where it ends.`),
      }),
    );
  }
  // One template mistake repeats for every block it prints; report each place once.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.ruleId} ${d.file}:${d.line} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  diagnostics.length = 0;
  diagnostics.push(...unique);
  const documents = root.children.filter((c): c is ElementNode => c.kind === 'element' && c.name === 'document');
  if (documents.length !== 1 && !diagnostics.length) {
    diagnostics.push(
      error('template/no-document', t(lang, '模板的输出应恰好包含一个 <document> 元素', 'the template output must hold exactly one <document> element'), {
        file: files[0],
        line: 1,
        column: 1,
      }),
    );
  }
  return documents.length === 1 ? { root: documents[0], diagnostics } : { diagnostics };
}

function clip(text: string): string {
  const trimmed = unmarked(text).trim();
  return trimmed.length > 30 ? `${trimmed.slice(0, 30)}…` : trimmed;
}
