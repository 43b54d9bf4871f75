/**
 * The markup a style's templates print (see MARKUP.md): which elements exist, where each may
 * stand, what it may contain and which attributes it takes. Both the load-time check of a
 * template and the parser of its output read this one table.
 */

export type Content = 'text' | 'elements' | 'runs';

export interface ElementSpec {
  parents: readonly string[];
  content: Content;
  attributes: Readonly<Record<string, (value: string) => boolean>>;
}

const FONT_ROLES = ['body', 'heading1', 'heading2', 'title'];
const BODY_PARENTS = ['document', 'attachment'];

const text = (parents: readonly string[]): ElementSpec => ({ parents, content: 'text', attributes: {} });

export const elements: Readonly<Record<string, ElementSpec>> = {
  document: { parents: [], content: 'elements', attributes: {} },
  header: { parents: ['document'], content: 'elements', attributes: {} },
  'copy-number': text(['header']),
  secrecy: text(['header']),
  urgency: text(['header']),
  organ: text(['header', 'signature']),
  suffix: text(['header']),
  'doc-number': text(['header']),
  signer: text(['header']),
  'title-line': text(BODY_PARENTS),
  addressee: text(['document']),
  h: {
    parents: BODY_PARENTS,
    content: 'text',
    attributes: { level: (v) => /^[1-4]$/.test(v), marker: () => true },
  },
  p: { parents: BODY_PARENTS, content: 'runs', attributes: {} },
  run: {
    parents: ['p'],
    content: 'text',
    attributes: { role: (v) => FONT_ROLES.includes(v), bold: (v) => v === 'true' || v === 'false' },
  },
  table: {
    parents: BODY_PARENTS,
    content: 'elements',
    attributes: {
      rules: (v) => v === 'three-line' || v === 'grid',
      align: (v) => /^(left|center|right)(,(left|center|right))*$/.test(v),
      widths: (v) => /^\d+(\.\d+)?(,\d+(\.\d+)?)*$/.test(v),
    },
  },
  caption: text(['table']),
  tr: { parents: ['table'], content: 'elements', attributes: { head: (v) => v === 'true' || v === 'false' } },
  td: text(['tr']),
  'attachment-note': text(['document']),
  signature: { parents: ['document'], content: 'elements', attributes: {} },
  date: text(['signature']),
  note: text(['document']),
  attachment: { parents: ['document'], content: 'elements', attributes: {} },
  label: text(['attachment']),
  'main-to': text(['document']),
  'copy-to': text(['document']),
  printer: text(['document']),
  'print-date': text(['document']),
};

export const attributeHints: Readonly<Record<string, string>> = {
  level: '1, 2, 3 or 4',
  marker: 'any text',
  role: FONT_ROLES.join(', '),
  bold: 'true or false',
  head: 'true or false',
  rules: 'three-line or grid',
  align: 'left, center or right for each column, separated by commas',
  widths: 'a positive number for each column, separated by commas',
};
