import type { Diagnostic } from '@gongwen/diagnostics';

interface GlyphCheck {
  diagnostics: Diagnostic[];
  issues: { char: string; context: string }[];
}

/**
 * Missing-glyph diagnostics come from the composed document, which has no source positions;
 * point each at the place its character occurs in the YAML (found by its surrounding text, else
 * by the character alone), so the author can fix it there. They are errors under `strict`, and
 * warnings otherwise (the PDF is still made; the character is reported, never silently boxed).
 */
export function locateGlyphs(check: GlyphCheck, source: string | Uint8Array, filename: string | undefined, strict: boolean): Diagnostic[] {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const missing = check.issues.filter((i) => !('fallback' in i && i.fallback));
  return check.diagnostics.map((d, n) => {
    const severity = d.ruleId === 'render/missing-glyph' && !strict ? 'warning' : d.severity;
    if (d.line !== undefined) return { ...d, severity };
    const issue = missing[n];
    const at = issue ? locateChar(text, issue.char, issue.context) : undefined;
    return { ...d, severity, file: d.file ?? filename, ...at };
  });
}

function locateChar(text: string, char: string, context: string) {
  const inContext = text.indexOf(context);
  const offset = inContext >= 0 ? inContext + context.indexOf(char) : text.indexOf(char);
  return offset >= 0 ? positionOf(text, offset, char.length) : undefined;
}

/** 1-based line and column (in UTF-16 units, as YAML positions are) of the first occurrence of `needle`. */
export function locateText(text: string, needle: string): { line: number; column: number; endLine: number; endColumn: number } | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : positionOf(text, i, needle.length);
}

function positionOf(text: string, offset: number, length: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, endLine: line, endColumn: column + length };
}
