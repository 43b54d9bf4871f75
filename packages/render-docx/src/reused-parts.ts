import type { Document } from 'docx';

/**
 * Parts of a DOCX that are built from the font names alone — word/styles.xml (with its switches
 * set), the theme, and the page-number and empty footers — are the same in every document that
 * uses those names. They are written once per process and their bytes reused: docx builds those
 * parts' objects with every document, but formats them to XML only the first time (that is about
 * a third of writing a DOCX). The bytes of a document cannot change: a reused part is the one the
 * same inputs wrote before.
 */

/** What a footer of the document is, in the order docx numbers them (footer1.xml, …). */
export type FooterKind = 'page-odd' | 'page-even' | 'turned-odd' | 'turned-even' | 'empty';

/** The parts kept by what they are built from (the key), then by path; a few keys at most. */
const keptParts = new Map<string, Map<string, Uint8Array>>();
const keptKeys = 8;

/** A stand-in docx formats instead of a part whose bytes are known: one empty element. */
const standIn = { prepForXml: () => ({ 'w:reused': [] }) };

/** Whether the styles for `key` are known: a document then need not build its style options (docx writes none). */
export function knowsStyles(key: string): boolean {
  return keptParts.get(key)?.has('styles') ?? false;
}

/**
 * Before docx compiles `file`: puts stand-ins where the parts for `key` are known. After: `finish`
 * puts the known bytes in their place in the compiled parts, or keeps what docx wrote (through
 * `rewrite` for word/styles.xml) for the next document.
 */
export function reuseParts(
  file: Document,
  key: string,
  footers: readonly FooterKind[],
  rewriteStyles: (bytes: Uint8Array) => Uint8Array,
): (parts: Map<string, Uint8Array>) => Map<string, Uint8Array> {
  let kept = keptParts.get(key);
  if (!kept) {
    if (keptParts.size >= keptKeys) keptParts.delete(keptParts.keys().next().value!);
    keptParts.set(key, (kept = new Map()));
  }
  const wrappers = file.Footers;
  const paths: Record<string, string> = { 'word/styles.xml': 'styles', 'word/theme/theme1.xml': 'theme' };
  // Footers only when the document has those it is said to have (else none is kept or reused).
  if (wrappers.length === footers.length) footers.forEach((kind, i) => (paths[`word/footer${i + 1}.xml`] = `footer:${kind}`));
  const known = (path: string) => kept.has(paths[path]!);

  // The getters docx's compiler reads these parts through, shadowed on this one file. What was
  // stood in for comes from the kept bytes; what this document writes itself is kept after it.
  const stoodIn = new Set<string>();
  const shadow = (name: string, value: unknown, ...stoodInPaths: string[]) => {
    Object.defineProperty(file, name, { value, configurable: true });
    for (const path of stoodInPaths) stoodIn.add(path);
  };
  if (known('word/styles.xml')) shadow('Styles', standIn, 'word/styles.xml');
  if (known('word/theme/theme1.xml')) shadow('Theme', standIn, 'word/theme/theme1.xml');
  const footerPaths = Object.keys(paths).filter((path) => path.startsWith('word/footer'));
  if (footerPaths.length && footerPaths.every(known)) {
    // A footer's relationships are its own (it has no images): only its XML is stood in for.
    shadow('Footers', wrappers.map((w) => ({ View: standIn, Relationships: w.Relationships, Media: w.Media })), ...footerPaths);
  }

  return (parts) => {
    for (const [path, name] of Object.entries(paths)) {
      if (stoodIn.has(path)) parts.set(path, kept.get(name)!);
      else {
        const written = parts.get(path);
        if (!written) continue;
        const final = path === 'word/styles.xml' ? rewriteStyles(written) : written;
        parts.set(path, final);
        kept.set(name, final);
      }
    }
    return parts;
  };
}
