import { error, hasErrors, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { Document, FontRole } from '@gongwen/model';
import { checkRenderOptions } from './check-options.js';
import { formatStages, type Format } from './formats.js';
import { locateGlyphs } from './glyphs.js';
import { loadStage, type FontSet, type StageName, type Stages, type Style } from './stages.js';
import { lintLoaded } from './lint.js';
import type { Platform } from './platform.js';
import type { StyleSearchOptions } from './styles.js';

/**
 * Bytes of a referenced file (a seal image), by its path as written in the report; `undefined`
 * when it cannot be read. A file larger than `maxBytes` is refused anyway, so a reader need not
 * read more than `maxBytes + 1` bytes of it.
 */
export type AssetReader = (ref: string, maxBytes: number) => Uint8Array | undefined;

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
  /** Every content finding of the lint rules is an error instead of a warning. */
  strict?: boolean;
  /**
   * Make the PDF even when a character has no glyph in any font (it prints as an empty box),
   * with a warning instead of the default error. Ignored under `strict`.
   */
  allowMissingGlyphs?: boolean;
  /** A report file larger than this many bytes is refused before it is read (default 1 MiB). */
  maxBytes?: number;
}

export interface RenderOutputs {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  ofd?: Uint8Array;
  txt?: string;
  md?: string;
  html?: string;
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
  // Misuse by the calling program is answered like bad input: diagnostics naming the option.
  const misuse = checkRenderOptions(source, options);
  if (misuse.length) return { outputs: {}, diagnostics: misuse };
  const { filename, lang } = options;
  const en = lang === 'en';
  const diagnostics: Diagnostic[] = [];
  const outputs: RenderOutputs = {};
  const done = (document?: Document): RenderResult => ({ outputs, diagnostics: diagnostics.map((d) => (d.file || !filename ? d : { ...d, file: filename })), document });

  // The fonts of a PDF are found, and their files read on the thread pool, while the report is
  // read and composed; they are resolved once per process, so the PDF below picks them up.
  const laysOut = options.formats.includes('pdf') || options.formats.includes('ofd');
  if (laysOut && !options.fonts) defaultFonts({ dirs: options.fontDirs }).catch(() => {});
  // Start loading every stage this render needs at once, so their module files are read in parallel.
  const needed = new Set<StageName>(['schema', 'compose', 'lint', ...options.formats.flatMap((f) => formatStages[f])]);
  const [schema] = await Promise.all([loadStage('schema'), ...[...needed].map((s) => loadStage(s))]);
  const loaded = schema.loadReport(source, { filename, lang, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
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
  const { sealLimits } = await loadStage('compose');
  // Seals and the signatories' signature stamps: every picture the report names, at its place in the data.
  const pictures: { ref: string; at: (string | number)[] }[] = [
    ...(report.signature?.seals ?? []).map((ref, i) => ({ ref, at: ['signature', 'seals', i] })),
    ...(report.signature?.signatories ?? []).map((s, i) => ({ ref: s.stamp, at: ['signature', 'signatories', i, 'stamp'] })),
  ];
  const pathOf = (at: (string | number)[]): string => at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
  pictures.forEach(({ ref, at }) => {
    let bytes: unknown;
    let failure: string | undefined;
    try {
      bytes = typeof options.assets === 'function' ? options.assets(ref, sealLimits.maxBytes) : options.assets && Object.hasOwn(options.assets, ref) ? options.assets[ref] : undefined;
    } catch (e) {
      // The caller's reader failed: this report cannot be rendered, but the caller gets a message, not the exception.
      failure = e instanceof Error ? e.message : String(e);
    }
    if (bytes instanceof Uint8Array) assets[ref] = bytes;
    else if (failure !== undefined || bytes !== undefined)
      diagnostics.push(
        error('options/assets', en ? `the assets reader failed for the seal image "${ref}": ${failure ?? `it returned ${typeof bytes}, not a Uint8Array`}` : `assets 读取印章图片“${ref}”时出错：${failure ?? `返回了 ${typeof bytes}，而不是 Uint8Array`}`, {
          file: filename,
          ...loaded.locate(at),
          path: pathOf(at),
          hint: en ? 'the assets function given to render() must return the bytes, or undefined when the file cannot be read' : '传给 render() 的 assets 函数应返回图片字节，读不到时返回 undefined',
        }),
      );
    else
      diagnostics.push(
        error('asset/missing', en ? `cannot read the seal image "${ref}"` : `无法读取印章图片“${ref}”`, {
          file: filename,
          ...loaded.locate(at),
          path: pathOf(at),
          hint: en ? 'the path is relative to the report file and must stay inside its folder' : '路径相对于报告文件，且不能指向其所在文件夹之外',
        }),
      );
  });
  // Every seal is checked down to its pixels before any writer sees it: a DOCX embeds the bytes as
  // they are, so a damaged image must be refused here, at its place in the YAML.
  const composeStage = await loadStage('compose');
  for (let i = 0; i < pictures.length; i++) {
    const { ref, at } = pictures[i]!;
    const bytes = assets[ref];
    if (!bytes || pictures.findIndex((p) => p.ref === ref) !== i) continue;
    const problem = composeStage.sealProblem(await composeStage.checkSealPixels(bytes), ref, lang ?? 'zh');
    if (problem) diagnostics.push(error(problem.ruleId, problem.message, { file: filename, ...loaded.locate(at), path: pathOf(at), hint: problem.hint }));
  }
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

  // A renderer's message about a seal names it by data path; point it at the seal in the YAML.
  const atSeal = (d: Diagnostic): Diagnostic => {
    const m = /^signature\.seals(?:\[(\d+)\])?$/.exec(d.path ?? '');
    if (!m || d.line !== undefined) return d;
    return { ...d, file: d.file ?? filename, ...loaded.locate(m[1] === undefined ? ['signature', 'seals'] : ['signature', 'seals', Number(m[1])]) };
  };

  let fonts: FontSet | undefined;
  if (laysOut) {
    fonts = options.fonts ?? (await defaultFonts({ dirs: options.fontDirs })).fonts;
    const fontsStage = await loadStage('fonts');
    const asError = (options.strict ?? false) || !(options.allowMissingGlyphs ?? false);
    diagnostics.push(...locateGlyphs(fontsStage.checkGlyphs(document, fonts, { lang }), { source: sourceText, filename, report, locate: loaded.locate, asError, lang }));
  }
  // A report with an error gets no output at all, rather than some formats and not others.
  if (hasErrors(diagnostics)) return done(document);

  // The PDF first: its layout tells the DOCX whether a blank page stands before the 版记 page and
  // where the body's last line starts, the line that goes with the signature; and the OFD draws
  // the pages it lays out, so both fixed-layout formats come from one layout.
  let laidOut: Awaited<ReturnType<Stages['pdf']['renderPdf']>> | undefined;
  const laysOutFirst = (f: Format): number => Number(f === 'pdf' || f === 'ofd');
  const order = [...options.formats].sort((a, b) => laysOutFirst(b) - laysOutFirst(a));
  for (const format of order) {
    if (format === 'txt') outputs.txt = (await loadStage('text')).renderText(document);
    else if (format === 'md') outputs.md = (await loadStage('text')).renderMarkdown(document);
    else if (format === 'html') outputs.html = (await loadStage('html')).renderHtml(document);
    else if (format === 'pdf' || format === 'ofd') {
      if (!laidOut) {
        laidOut = await (await loadStage('pdf')).renderPdf(document, fonts!, { lang, pages: options.formats.includes('ofd') });
        diagnostics.push(...laidOut.diagnostics.map(atSeal));
      }
      if (format === 'pdf') outputs.pdf = laidOut.pdf;
      else {
        const out = await (await loadStage('ofd')).writeOfd(laidOut.pages ?? [], { meta: document.meta, fonts: fonts!, ...(lang ? { lang } : {}) });
        diagnostics.push(...out.diagnostics);
        outputs.ofd = out.ofd;
      }
    } else if (format === 'docx') {
      const embed = options.embedFonts ? (options.fonts ?? (await defaultFonts({ dirs: options.fontDirs })).fonts) : undefined;
      // The style's names for its region's offices, then the caller's.
      const fontNames = { ...style.manifest.fonts, ...options.fontNames };
      const out = await (await loadStage('docx')).renderDocx(document, {
        ...(embed ? { embedFonts: embed } : {}),
        ...(Object.keys(fontNames).length ? { fontNames } : {}),
        ...(lang ? { lang } : {}),
        ...(laidOut ? { endMatterAfterBlankPage: laidOut.endMatterAfterBlankPage } : {}),
        ...(laidOut?.lastBodyLineStart !== undefined ? { lastBodyLineStart: laidOut.lastBodyLineStart } : {}),
      });
      diagnostics.push(...out.diagnostics.map(atSeal));
      outputs.docx = out.docx;
    }
  }
  // A renderer that refused (a seal it cannot decode) leaves no format behind either.
  if (hasErrors(diagnostics)) for (const format of Object.keys(outputs) as Format[]) delete outputs[format];
  return done(document);
}
