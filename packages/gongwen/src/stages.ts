import type { Diagnostic, Lang } from '@gongwen/diagnostics';
import type { Document } from '@gongwen/model';
import type { Report } from '@gongwen/schema';

/*
 * The stages the facade wires, reached through dynamic imports so that a heavy stage
 * (pdfmake, docx, fontkit) is only loaded when a format needs it, and a stage that a
 * package does not provide yet is reported as unavailable instead of failing at import.
 */

/** A loaded regional style, as `@gongwen/compose` returns it. Opaque to the facade. */
export type Style = object & { readonly name?: string };

/** The fonts per role, as `@gongwen/fonts` resolves them. Opaque to the facade. */
export type FontSet = object;

export interface LocatedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LoadReportResult {
  report?: Report;
  diagnostics: Diagnostic[];
  locate(path: (string | number)[]): LocatedRange | undefined;
}

export interface SchemaStage {
  loadReport(input: string | Uint8Array, options?: { filename?: string; lang?: Lang }): LoadReportResult;
}

export interface ComposeStage {
  loadStyle(files: Record<string, string>, options: { name: string; lang?: Lang }): { style?: Style; diagnostics: Diagnostic[] };
  composeDocument(
    report: Report,
    style: Style,
    options?: { assets?: Record<string, Uint8Array>; lang?: Lang; filename?: string },
  ): { document?: Document; diagnostics: Diagnostic[] };
}

export interface TextStage {
  renderText(doc: Document): string;
  renderMarkdown(doc: Document): string;
}

export interface FontsStage {
  resolveFonts(options?: object): { fonts: FontSet; diagnostics: Diagnostic[]; explain(): unknown };
  checkGlyphs(doc: Document, fonts: FontSet, options?: { lang?: Lang }): { diagnostics: Diagnostic[]; issues: { char: string; context: string }[] };
  formatFontExplanation(entries: never, lang?: Lang): string;
}

export interface PdfStage {
  renderPdf(doc: Document, fonts: FontSet, options?: object): Promise<{ pdf: Uint8Array; diagnostics: Diagnostic[] }>;
}

export interface DocxStage {
  renderDocx(
    doc: Document,
    options?: { embedFonts?: FontSet; fontNames?: Record<string, string> },
  ): Promise<{ docx: Uint8Array; diagnostics: Diagnostic[] }>;
}

export interface Stages {
  schema: SchemaStage;
  compose: ComposeStage;
  text: TextStage;
  fonts: FontsStage;
  pdf: PdfStage;
  docx: DocxStage;
}

export type StageName = keyof Stages;

const required: { [K in StageName]: (keyof Stages[K])[] } = {
  schema: ['loadReport'],
  compose: ['loadStyle', 'composeDocument'],
  text: ['renderText', 'renderMarkdown'],
  fonts: ['resolveFonts', 'checkGlyphs', 'formatFontExplanation'],
  pdf: ['renderPdf'],
  docx: ['renderDocx'],
};

const importers: { [K in StageName]: () => Promise<unknown> } = {
  schema: () => import('@gongwen/schema'),
  compose: () => import('@gongwen/compose'),
  text: () => import('@gongwen/render-text'),
  fonts: () => import('@gongwen/fonts'),
  pdf: () => import('@gongwen/render-pdf'),
  docx: () => import('@gongwen/render-docx'),
};

const cache = new Map<StageName, Promise<unknown>>();

/** The stage's functions, or `undefined` when its package does not provide them (yet). */
export async function loadStage<K extends StageName>(name: K): Promise<Stages[K] | undefined> {
  let pending = cache.get(name);
  if (!pending) {
    pending = importers[name]().then(
      (mod) => {
        const m = mod as Record<string, unknown>;
        return required[name].every((fn) => typeof m[fn as string] === 'function') ? m : undefined;
      },
      () => undefined,
    );
    cache.set(name, pending);
  }
  return (await pending) as Stages[K] | undefined;
}
