import { Parser } from 'htmlparser2';

/** An element of a parsed XML part; names without their namespace prefix (`ofd:Page` → `Page`). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own character data, entities decoded. */
  text: string;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Parses one XML part into a tree. Entities are the five predefined ones and character
 * references only (no DTD is read, so nothing expands), and a document that is not well formed
 * is read as far as it goes: the rules then say what is missing.
 */
export function parseXmlTree(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: XmlNode = { name: local(name), attrs: {}, children: [], text: '' };
        for (const [k, v] of Object.entries(attrs)) node.attrs[local(k)] = v;
        stack.at(-1)!.children.push(node);
        stack.push(node);
      },
      ontext(data) {
        stack.at(-1)!.text += data;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

/** The first child element of that name. */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name);

/** Every child element of that name. */
export const children = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter((c) => c.name === name) ?? [];

/** The trimmed text of the first child element of that name. */
export const childText = (node: XmlNode | undefined, name: string): string | undefined => child(node, name)?.text.trim();
