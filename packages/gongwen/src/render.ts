import { error, hasErrors, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { Document, FontRole } from '@gongwen/model';
import { formatStages, type Format } from './formats.js';
import { locateGlyphs } from './glyphs.js';
import { loadStage, type FontSet, type StageName, type Style } from './stages.js';
import { lintLoaded } from './lint.js';
import type { Platform } from './platform.js';
import type { StyleSearchOptions } from './styles.js';

/** Bytes of a referenced file (a seal image), by its path as written in the report; `undefined` when it cannot be read. */
export type AssetReader = (ref: string) => Uint8Array | undefined;

export interface RenderOptions extends StyleSearchOptions {
  /** Shown in diagnostics and used to locate errors: `report.yaml`. */
  filename?: string;
  /** A style name (overrides the report's `style`) or a style already loaded with `loadStyle`. */
  style?: string | Style;
  /** What to produce; an empty list only validates and composes. */
  formats: readonly Format[];
  /** Fonts for PDF (and DOCX embedding); resolved once per process from the machine when omitted. */
  fonts?: FontSet;
  /** Font folders searched before the installed fonts, when `fonts` is not given. */
  fontDirs?: string[];
  /** Embed the fonts in the DOCX (the first of each role in `fonts`, or of this machine's fonts). */
  embedFonts?: boolean;
  /**
   * The font family names the DOCX asks for, per role (`{ body: '仿宋', heading2: '楷体' }` for
   * machines with the Windows fonts); by default the style's `fonts`, else the names a government
   * PC has (仿宋_GB2312 …).
   */
  fontNames?: Partial<Record<FontRole, string>>;
  /** Seal images by the path the report names them with, or a function that reads them. */
  assets?: Record<string, Uint8Array> | AssetReader;
  lang?: Lang;
  /** A character the fonts cannot draw, and every content finding of the lint rules, is an error instead of a warning. */
  strict?: boolean;
}

export interface RenderOutputs {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  txt?: string;
  md?: string;
}

export interface RenderResult {
  outputs: RenderOutputs;
  diagnostics: Diagnostic[];
  /** The composed document, when the report and style were good. */
  document?: Document;
}

/**
 * Renders one report: load and validate the YAML, compose it through its style, and produce each
 * format asked for. Bad input gives diagnostics, never an exception; the same input gives the same bytes.
 * The platform finds styles and fonts by name (on disk in Node, from bundled data in a browser).
 */
export async function renderOn(platform: Platform, source: string | Uint8Array, options: RenderOptions): Promise<RenderResult> {
  const { defaultFonts, resolveStyle } = platform;
  const { filename, lang } = options;
  const en = lang === 'en';
  const diagnostics: Diagnostic[] = [];
  const outputs: RenderOutputs = {};
  const done = (document?: Document): RenderResult => ({ outputs, diagnostics: diagnostics.map((d) => (d.file || !filename ? d : { ...d, file: filename })), document });

  // The fonts of a PDF are found, and their files read on the thread pool, while the report is
  // read and composed; they are resolved once per process, so the PDF below picks them up.
  if (options.formats.includes('pdf') && !options.fonts) defaultFonts({ dirs: options.fontDirs }).catch(() => {});
  // Start loading every stage this render needs at once, so their module files are read in parallel.
  const needed = new Set<StageName>(['schema', 'compose', 'lint', ...options.formats.flatMap((f) => formatStages[f])]);
  const [schema] = await Promise.all([loadStage('schema'), ...[...needed].map((s) => loadStage(s))]);
  const loaded = schema.loadReport(source, { filename, lang });
  diagnostics.push(...loaded.diagnostics);
  const report = loaded.report;
  if (!report || hasErrors(diagnostics)) return done();

  let style: Style | undefined;
  if (options.style && typeof options.style === 'object') {
    style = options.style;
  } else {
    const name = options.style ?? report.style;
    const resolved = await resolveStyle(name, { styleDirs: options.styleDirs, lang });
    const at = options.style ? undefined : loaded.locate(['style']);
    diagnostics.push(...resolved.diagnostics.map((d) => (d.ruleId === 'style/unknown' && at ? { ...d, file: filename, ...at, path: 'style' } : d)));
    style = resolved.style;
  }
  if (!style || hasErrors(diagnostics)) return done();

  const assets: Record<string, Uint8Array> = {};
  (report.signature?.seals ?? []).forEach((ref, i) => {
    const bytes = typeof options.assets === 'function' ? options.assets(ref) : options.assets?.[ref];
    if (bytes) assets[ref] = bytes;
    else
      diagnostics.push(
        error('asset/missing', en ? `cannot read the seal image "${ref}"` : `无法读取印章图片“${ref}”`, {
          file: filename,
          ...loaded.locate(['signature', 'seals', i]),
          path: `signature.seals[${i}]`,
          hint: en ? 'the path is relative to the report file and must stay inside its folder' : '路径相对于报告文件，且不能指向其所在文件夹之外',
        }),
      );
  });
  if (hasErrors(diagnostics)) return done();

  // What a reviewing office would send back: warnings here, errors under strict (reported along
  // with any font problem below, so one run shows everything).
  const sourceText = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const findings = await lintLoaded(report, loaded, style, { source: sourceText, filename, lang });
  // What the rules call errors come first, so a reader who looks at only the first few sees them.
  const ranked = [...findings].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  diagnostics.push(...ranked.map((d): Diagnostic => ({ ...d, severity: options.strict ? 'error' : 'warning' })));

  const compose = await loadStage('compose');
  const composed = compose.composeDocument(report, style, { assets, lang, filename, locate: loaded.locate });
  diagnostics.push(...composed.diagnostics);
  const document = composed.document;
  if (!document || hasErrors(composed.diagnostics)) return done();

  let fonts: FontSet | undefined;
  if (options.formats.includes('pdf')) {
    fonts = options.fonts ?? (await defaultFonts({ dirs: options.fontDirs })).fonts;
    const fontsStage = await loadStage('fonts');
    diagnostics.push(...locateGlyphs(fontsStage.checkGlyphs(document, fonts, { lang }), source, filename, options.strict ?? false));
  }
  // A report with an error gets no output at all, rather than some formats and not others.
  if (hasErrors(diagnostics)) return done(document);

  for (const format of options.formats) {
    if (format === 'txt') outputs.txt = (await loadStage('text')).renderText(document);
    else if (format === 'md') outputs.md = (await loadStage('text')).renderMarkdown(document);
    else if (format === 'pdf') {
      const out = await (await loadStage('pdf')).renderPdf(document, fonts!, { lang });
      diagnostics.push(...out.diagnostics);
      outputs.pdf = out.pdf;
    } else if (format === 'docx') {
      const embed = options.embedFonts ? (options.fonts ?? (await defaultFonts({ dirs: options.fontDirs })).fonts) : undefined;
      // The style's names for its region's offices, then the caller's.
      const fontNames = { ...style.manifest.fonts, ...options.fontNames };
      const out = await (await loadStage('docx')).renderDocx(document, {
        ...(embed ? { embedFonts: embed } : {}),
        ...(Object.keys(fontNames).length ? { fontNames } : {}),
        ...(lang ? { lang } : {}),
      });
      diagnostics.push(...out.diagnostics);
      outputs.docx = out.docx;
    }
  }
  return done(document);
}
