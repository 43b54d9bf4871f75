import { hashedId, Packer, type Document } from 'docx';
import { readZip, writeZip, type PreparedEntry } from '@gongwen/zip';
import type { Part } from './reused-parts.js';
import { xmlText } from './xml-text.js';

/** docx's compiler, which Packer.pack runs before it zips the parts, and its helpers (docx declares them private). */
interface Compiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): Map<string, string | ArrayBufferView | ArrayBuffer>;
  formatter: { format(input: unknown, context: unknown): Record<string, unknown> };
  imageReplacer: { getMediaData(xml: string, media: unknown): { key: string }[]; replace(xml: string, images: unknown[], offset: number): string };
  numberingReplacer: { replace(xml: string, concreteNumbering: unknown): string };
}

/** The parts of docx's File that writing word/document.xml reads (private in docx). */
interface DocumentParts {
  Document: { View: unknown; Relationships: { RelationshipCount: number } };
  Media: unknown;
  Numbering: { ConcreteNumbering: unknown };
}

/**
 * The parts of the package docx writes for a document, by path, in its order: what Packer.pack
 * zips, taken before it is zipped, since normalizePackage rewrites every part and zips them
 * itself (test/docx-upstream.test.ts checks both give the same bytes on the docx version it names).
 * XML parts stay the text docx wrote until they are zipped.
 */
export function packageParts(file: Document): Map<string, Part> {
  const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
  const document = documentXml(compiler, file);
  const parts = new Map<string, Part>();
  for (const [path, data] of compiler.compile(file, undefined, [])) {
    parts.set(path, typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));
  }
  parts.set('word/document.xml', document);
  return parts;
}

/**
 * word/document.xml as docx's compiler writes it — the document's elements formatted, their text
 * written (here by xmlText, in one pass), its images' and lists' placeholders replaced — done
 * before the compiler runs, as the first thing it does. The compiler is then given a stand-in for
 * the document's elements that holds only the placeholders of its images, from which it writes
 * the document's relationships as it would have.
 */
function documentXml(compiler: Compiler, file: Document): string {
  const parts = file as unknown as DocumentParts;
  const wrapper = parts.Document;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xmlText(compiler.formatter.format(wrapper.View, { viewWrapper: wrapper, file, stack: [] }))}`;
  const images = compiler.imageReplacer.getMediaData(xml, parts.Media);
  const relationshipCount = wrapper.Relationships.RelationshipCount + 1;
  const placeholders = { 'w:document': { _cdata: images.map(({ key }) => `{${key}}`).join('') } };
  Object.defineProperty(file, 'Document', { value: Object.create(wrapper as object, { View: { value: { prepForXml: () => placeholders } } }), configurable: true });
  return compiler.numberingReplacer.replace(compiler.imageReplacer.replace(xml, images, relationshipCount), parts.Numbering.ConcreteNumbering);
}

const isPrepared = (part: Part): part is PreparedEntry => typeof part !== 'string' && !(part instanceof Uint8Array);

/**
 * Applies the given part rewrites, then makes the bytes of a DOCX depend on its content only. docx stamps the zip entries with the
 * clock, writes the clock into the core properties, numbers drawings with a process-wide counter
 * and keys embedded fonts with random GUIDs; this rewrites each of those from the content. A
 * part prepared for the zip (reused-parts.ts) has none of them and is zipped as it is.
 */
export function normalizePackage(
  packed: Uint8Array | ReadonlyMap<string, Part>,
  options: { created?: string; rewrite?: Record<string, (xml: string) => string> },
): Uint8Array {
  const files = Object.fromEntries(packed instanceof Uint8Array ? readZip(packed) : packed) as Record<string, Part>;
  const text = (path: string) => {
    const part = files[path];
    return part === undefined ? undefined : typeof part === 'string' ? part : new TextDecoder().decode(isPrepared(part) ? part.data : part);
  };
  const put = (path: string, xml: string) => {
    files[path] = xml;
  };
  for (const [path, rewrite] of Object.entries(options.rewrite ?? {})) {
    const xml = text(path);
    if (xml !== undefined) put(path, rewrite(xml));
  }

  const core = text('docProps/core.xml');
  if (core !== undefined) {
    const stamp = options.created ? isoTimestamp(options.created) : undefined;
    put(
      'docProps/core.xml',
      core.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, (element, name: string) =>
        stamp ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${name}>` : '',
      ),
    );
  }

  // Drawing ids must be unique within the document; number them in reading order.
  let drawingId = 0;
  for (const path of Object.keys(files).sort()) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(path) || isPrepared(files[path]!)) continue;
    const xml = text(path)!;
    if (xml.includes('<wp:docPr ')) put(path, xml.replace(/(<wp:docPr\b[^>]*?\bid=")\d+(")/g, (_, a, b) => `${a}${++drawingId}${b}`));
  }

  rekeyEmbeddedFonts(files, text, put);

  // A fixed entry order; writeZip gives every entry the same date.
  const paths = Object.keys(files);
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((p) => files[p]);
  const encoder = new TextEncoder();
  return writeZip(
    [...first, ...paths.filter((p) => !first.includes(p)).sort()].map((path) => {
      const part = files[path]!;
      return [path, typeof part === 'string' ? encoder.encode(part) : part] as const;
    }),
  );
}

/** `2022-01-09` or a full ISO timestamp → `2022-01-09T00:00:00Z`. */
function isoTimestamp(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match) return undefined;
  const time = match[2] ? (match[2].length === 5 ? `${match[2]}:00` : match[2]) : '00:00:00';
  return `${match[1]}T${time}Z`;
}

/**
 * Embedded fonts are XOR-obfuscated with their key (ECMA-376 Part 1, 17.8.1). Replace each
 * random key with one derived from the font's name and data, and re-obfuscate to match.
 */
function rekeyEmbeddedFonts(
  files: Record<string, Part>,
  text: (path: string) => string | undefined,
  put: (path: string, xml: string) => void,
): void {
  // A font table prepared for the zip is reused, so it embeds no font.
  const tablePart = files['word/fontTable.xml'];
  if (!tablePart || isPrepared(tablePart)) return;
  const table = text('word/fontTable.xml');
  const rels = text('word/_rels/fontTable.xml.rels');
  if (!table || !rels || !table.includes('w:fontKey')) return;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, `word/${target.replace(/^\/?word\//, '')}`);
  }
  put(
    'word/fontTable.xml',
    table.replace(/<w:embed(?:Regular|Bold|Italic|BoldItalic)\b[^>]*\/>/g, (element) => {
      const id = /\br:id="([^"]+)"/.exec(element)?.[1];
      const oldKey = /\bw:fontKey="\{([0-9A-Fa-f-]+)\}"/.exec(element)?.[1];
      const path = id ? targets.get(id) : undefined;
      const part = path ? files[path] : undefined;
      const data = part instanceof Uint8Array ? part : undefined;
      if (!oldKey || !path || !data) return element;
      const digest = hashedId(`${path}:${data.length}:${hashedId(data.subarray(32, 65_568))}`).slice(0, 32).toUpperCase();
      const newKey = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20)}`;
      const oldBytes = keyBytes(oldKey);
      const newBytes = keyBytes(newKey);
      const rekeyed = data.slice();
      for (let i = 0; i < 32 && i < rekeyed.length; i++) rekeyed[i] = rekeyed[i]! ^ oldBytes[i % 16]! ^ newBytes[i % 16]!;
      files[path] = rekeyed;
      return element.replace(oldKey, newKey);
    }),
  );
}

/** The GUID's 16 bytes in reverse order, as the obfuscation uses them. */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/-/g, '');
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
}
