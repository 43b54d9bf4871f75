import type { Document } from 'docx';
import { preparedEntry, type PreparedEntry } from '@gongwen/zip';

/**
 * Parts of a DOCX that are built from the font names alone — word/styles.xml (with its switches
 * set), the theme, the page-number and empty footers, the font table (when no font is embedded) —
 * or from nothing a document says — the numbering (while the document has no lists), the settings
 * (whether fonts are embedded aside), the footnotes and endnotes with their separators, the
 * application and custom properties, the package's relationships — are the same in every
 * document that uses those names. They are written once per process and reused: docx builds
 * those parts' objects with every document, but formats them to XML only the first time (that is
 * about a third of writing a DOCX), and the zip takes their CRC-32 and deflated bytes as they were
 * made then. The bytes of a document cannot change: a reused part is the one the same inputs
 * wrote before.
 */

/** What a footer of the document is, in the order docx numbers them (footer1.xml, …). */
export type FooterKind = 'page-odd' | 'page-even' | 'turned-odd' | 'turned-even' | 'empty';

/** A part of the package: the text docx wrote, bytes, or bytes prepared for the zip once. */
export type Part = string | Uint8Array | PreparedEntry;

/** The parts kept by what they are built from (the key), then by name; a few keys at most. */
const keptParts = new Map<string, Map<string, PreparedEntry>>();
const keptKeys = 8;

/** A stand-in docx formats instead of a part whose bytes are known: one empty element. */
const standIn = { prepForXml: () => ({ 'w:reused': [] }) };

/** Whether the styles for `key` are known: a document then need not build its style options (docx writes none). */
export function knowsStyles(key: string): boolean {
  return keptParts.get(key)?.has('styles') ?? false;
}

/** The getters of docx's File the compiler reads parts through (docx declares the classes' shapes private). */
interface FileParts {
  Footers: { View: unknown; Relationships: unknown; Media: unknown }[];
  Numbering: { ConcreteNumbering: readonly unknown[]; prepForXml(context: unknown): unknown };
  FootNotes: { View: unknown; Relationships: unknown };
  Endnotes: { View: unknown; Relationships: unknown };
  FontTable: { View: unknown; Relationships: unknown; files: unknown };
}

/**
 * Before docx compiles `file`: puts stand-ins where the parts for `key` are known. After: `finish`
 * puts the known bytes in their place in the compiled parts, or keeps what docx wrote (through
 * `rewrite`, by path) for the next document. `embedsFonts`: the document embeds fonts (its
 * settings say so, and its font table is its own).
 */
export function reuseParts(
  file: Document,
  key: string,
  footers: readonly FooterKind[],
  embedsFonts: boolean,
  rewrite: Readonly<Record<string, (xml: string) => string>>,
): (parts: Map<string, Part>) => Map<string, Part> {
  let kept = keptParts.get(key);
  if (!kept) {
    if (keptParts.size >= keptKeys) keptParts.delete(keptParts.keys().next().value!);
    keptParts.set(key, (kept = new Map()));
  }
  const real = file as unknown as FileParts;
  // Each part's name among the kept ones: what, beyond the key, it is built from.
  const paths: Record<string, string> = {
    'word/styles.xml': 'styles',
    'word/theme/theme1.xml': 'theme',
    'word/numbering.xml': 'numbering',
    'word/settings.xml': embedsFonts ? 'settings:embedding' : 'settings',
    'word/footnotes.xml': 'footnotes',
    'word/endnotes.xml': 'endnotes',
    'docProps/app.xml': 'app',
    'docProps/custom.xml': 'custom',
    '_rels/.rels': 'package-relationships',
  };
  // The font table only when it names the fonts alone (an embedded font's key is the document's own).
  if (!embedsFonts) Object.assign(paths, { 'word/fontTable.xml': 'font-table', 'word/_rels/fontTable.xml.rels': 'font-table-relationships' });
  // Footers only when the document has those it is said to have (else none is kept or reused).
  const wrappers = real.Footers;
  if (wrappers.length === footers.length) footers.forEach((kind, i) => (paths[`word/footer${i + 1}.xml`] = `footer:${kind}`));
  const known = (path: string) => paths[path] !== undefined && kept.has(paths[path]);

  // The getters docx's compiler reads these parts through, shadowed on this one file. What was
  // stood in for comes from the kept bytes; what this document writes itself is kept after it.
  const stoodIn = new Set<string>();
  const shadow = (name: string, value: unknown, ...stoodInPaths: string[]) => {
    Object.defineProperty(file, name, { value, configurable: true });
    for (const path of stoodInPaths) stoodIn.add(path);
  };
  const plain = { 'word/styles.xml': 'Styles', 'word/theme/theme1.xml': 'Theme', 'word/settings.xml': 'Settings', 'docProps/app.xml': 'AppProperties', 'docProps/custom.xml': 'CustomProperties', '_rels/.rels': 'FileRelationships' };
  for (const [path, getter] of Object.entries(plain)) if (known(path)) shadow(getter, standIn, path);
  // Footnotes and endnotes: their XML only (their relationships are copied and written by docx).
  for (const [path, getter] of [['word/footnotes.xml', 'FootNotes'], ['word/endnotes.xml', 'Endnotes']] as const) {
    if (known(path)) shadow(getter, { View: standIn, Relationships: real[getter].Relationships }, path);
  }
  if (known('word/fontTable.xml') && known('word/_rels/fontTable.xml.rels')) {
    shadow('FontTable', { View: standIn, Relationships: standIn, files: real.FontTable.files }, 'word/fontTable.xml', 'word/_rels/fontTable.xml.rels');
  }
  const footerPaths = Object.keys(paths).filter((path) => path.startsWith('word/footer'));
  if (footerPaths.length && footerPaths.every(known)) {
    // A footer's relationships are its own (it has no images): only its XML is stood in for.
    shadow('Footers', wrappers.map((w) => ({ View: standIn, Relationships: w.Relationships, Media: w.Media })), ...footerPaths);
  }
  // The numbering is formatted after the document, whose lists (none so far) would add to it: it
  // is stood in for only if the document added none. Everything else reaches the real numbering.
  if (known('word/numbering.xml')) {
    const numbering = real.Numbering;
    const prepForXml = (context: unknown) => {
      if (withoutLists(real)) return standIn.prepForXml();
      stoodIn.delete('word/numbering.xml');
      return numbering.prepForXml(context);
    };
    shadow('Numbering', Object.create(numbering as object, { prepForXml: { value: prepForXml } }), 'word/numbering.xml');
  }

  return (parts) => {
    for (const [path, name] of Object.entries(paths)) {
      if (stoodIn.has(path)) parts.set(path, kept.get(name)!);
      else {
        const written = parts.get(path);
        if (written === undefined || typeof written !== 'string') continue;
        const final = rewrite[path]?.(written) ?? written;
        // Drawings are numbered through the whole document (normalizePackage): a part with one is its own.
        if (final.includes('<wp:docPr ') || (name === 'numbering' && !withoutLists(real))) {
          parts.set(path, final);
          continue;
        }
        const prepared = preparedEntry(new TextEncoder().encode(final));
        parts.set(path, prepared);
        kept.set(name, prepared);
      }
    }
    return parts;
  };
}

/** Whether the numbering is docx's default alone (the document has no lists): another document's is then the same. */
function withoutLists(file: FileParts): boolean {
  return file.Numbering.ConcreteNumbering.length === 1;
}
