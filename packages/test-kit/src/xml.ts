/** An element of a parsed XML part. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(text: string, where: string): string {
  if (text.replace(ENTITY, '').includes('&')) throw new Error(`${where}: bare '&'`);
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/**
 * A strict, small XML parser for the parts a DOCX or an OFD holds: it throws on anything that is not
 * well-formed (unbalanced or crossed tags, unquoted or repeated attributes, bare `&`, text or a
 * second element outside the root).
 */
export function parseXml(xml: string, part = 'xml'): XmlElement {
  let rest = xml.replace(/^\uFEFF/, '');
  const decl = /^<\?xml[^?]*\?>/.exec(rest);
  if (decl) rest = rest.slice(decl[0].length);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tokens = rest.match(/<!--[\s\S]*?-->|<[^<>]*>|[^<]+|</g) ?? [];
  for (const token of tokens) {
    if (token.startsWith('<!--')) continue;
    if (token === '<') throw new Error(`${part}: unterminated tag`);
    if (!token.startsWith('<')) {
      if (!stack.length) {
        if (token.trim()) throw new Error(`${part}: text outside the root element`);
        continue;
      }
      stack[stack.length - 1]!.text += checkText(token, part);
      continue;
    }
    if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`${part}: </${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = token.endsWith('/>');
    const inner = token.slice(1, selfClosing ? -2 : -1);
    const name = /^\S+/.exec(inner)?.[0] ?? '';
    if (!NAME.test(name)) throw new Error(`${part}: bad element name <${name}>`);
    const attrs: Record<string, string> = {};
    let attrText = inner.slice(name.length);
    const attrRe = /^\s+([^\s=]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/;
    for (let m = attrRe.exec(attrText); m; m = attrRe.exec(attrText)) {
      const key = m[1]!;
      if (!NAME.test(key)) throw new Error(`${part}: bad attribute name ${key} on <${name}>`);
      if (key in attrs) throw new Error(`${part}: attribute ${key} repeated on <${name}>`);
      attrs[key] = checkText(m[2] ?? m[3] ?? '', part);
      attrText = attrText.slice(m[0].length);
    }
    if (attrText.trim()) throw new Error(`${part}: malformed attributes on <${name}>: ${attrText.trim().slice(0, 40)}`);
    const element: XmlElement = { name, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else if (root) throw new Error(`${part}: a second root element <${name}>`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`${part}: <${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new Error(`${part}: no root element`);
  return root;
}

/** Every element in document order. */
export function* walk(element: XmlElement, parent?: XmlElement): Generator<{ element: XmlElement; parent?: XmlElement }> {
  yield { element, parent };
  for (const child of element.children) yield* walk(child, element);
}

export const find = (root: XmlElement, name: string): XmlElement[] =>
  [...walk(root)].map((w) => w.element).filter((e) => e.name === name);
