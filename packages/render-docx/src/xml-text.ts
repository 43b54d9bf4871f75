/*
 * The text of a prepared element tree (what docx's components' prepForXml give: `{ name: value }`
 * objects, `_attr` for attributes), as docx's own writer (its `stringifyXmlable` without indent)
 * writes it, in one pass: docx's builds an intermediate tree of every element's name, attributes
 * and content first, and joins their arrays after. The same text, quirks included
 * (test/xml-text.test.ts compares the two on every part of the examples' documents).
 */

type Prepared = { readonly [name: string]: unknown };

const escapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapable = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const escapableAll = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** A value as docx writes it: strings with & " ' < > escaped and the control characters XML forbids dropped. */
function escaped(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return escapable.test(value) ? value.replace(escapableAll, (c) => escapes[c] ?? '') : value;
}

function attributes(attr: object): string {
  let out = '';
  for (const key in attr) if (Object.hasOwn(attr, key)) out += ` ${key}="${escaped((attr as Record<string, unknown>)[key])}"`;
  return out;
}

/** One element: its name is its object's first key. */
export function xmlText(data: Prepared): string {
  let name: string | undefined;
  for (const key in data) {
    if (Object.hasOwn(data, key)) {
      name = key;
      break;
    }
  }
  const values = name === undefined ? undefined : data[name];
  let attrs = '';
  // The element's content, piece by piece; an empty string stands where docx's writer keeps one.
  const content: string[] = [];
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: object; _cdata?: string };
      if (attr) attrs += attributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let stringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            const first = firstKey(value as object);
            if (first === '_attr') attrs += attributes((value as { _attr: object })._attr);
            else content.push(xmlText(value as Prepared));
          } else {
            // Text takes the place of the piece before it (docx's writer pops it).
            content.pop();
            stringContent = true;
            content.push(escaped(value));
          }
        }
        if (!stringContent) content.push('');
      }
    }
  } else content.push(values === undefined ? '' : escaped(values));
  const open = name ? `<${name}` : '';
  if (content.length === 0) return `${open}${attrs}/>`;
  return name ? `${open}${attrs}>${content.join('')}</${name}>` : `${attrs}${content.join('')}`;
}

function firstKey(value: object): string | undefined {
  for (const key in value) if (Object.hasOwn(value, key)) return key;
  return undefined;
}
