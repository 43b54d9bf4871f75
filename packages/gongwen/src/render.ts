import { hasErrors, type Diagnostic, type Result } from '@gongwen/diagnostics';
import { placeAtOrigin, type Document } from '@gongwen/model';
import { formatStages, type Format } from './formats.js';
import { loadStage, type StageName, type Stages } from './stages.js';
import { loadWithStyle } from './load.js';
import { checkRenderOptions, type RenderOptions, type RenderOutputs, type RenderResult } from './options.js';
import type { Platform } from './platform.js';

export type { AssetReader, RenderOptions, RenderOutputs, RenderResult } from './options.js';

/**
 * Renders one report: load and validate the YAML, compose it through its style, and produce each
 * format asked for. Bad input gives diagnostics, never an exception; the same input gives the same bytes.
 * The platform finds styles and fonts by name (on disk in Node, from bundled data in a browser).
 */
export async function renderOn(platform: Platform, source: string | Uint8Array, options: RenderOptions): Promise<RenderResult> {
  // Misuse by the calling program is answered like bad input: diagnostics naming the option.
  const misuse = await checkRenderOptions(source, options);
  if (misuse.length) return { outputs: {}, diagnostics: misuse };
  const { filename, lang, formats } = options;
  const diagnostics: Diagnostic[] = [];
  /** Every stage gives a `Result`: its diagnostics join the render's, its value goes on. */
  const take = <R extends Result>(result: R): R => (diagnostics.push(...result.diagnostics), result);
  const failed = () => hasErrors(diagnostics);
  const outputs: RenderOutputs = {};
  const done = (document?: Document): RenderResult => ({ outputs, diagnostics: diagnostics.map((d) => (d.file || !filename ? d : { ...d, file: filename })), document });

  const laysOut = formats.includes('pdf') || formats.includes('ofd');
  const { defaultFonts } = platform;
  if (!options.fonts && !defaultFonts && (laysOut || (options.embedFonts && formats.includes('docx')))) {
    return { outputs: {}, diagnostics: [(await loadStage('fonts')).fontsNotGiven(lang)] };
  }
  // The fonts of a PDF are found, and their files read on the thread pool, while the report is
  // read and composed; they are resolved once per process, so the PDF below picks them up.
  const fontsFor = async () => options.fonts ?? (await defaultFonts!({ dirs: options.fontDirs })).fonts;
  if (laysOut && !options.fonts) fontsFor().catch(() => {});
  // Start loading every stage this render needs at once, so their module files are read in parallel.
  const needed = new Set<StageName>(['schema', 'compose', 'lint', ...formats.flatMap((f) => formatStages[f])]);
  const [compose] = await Promise.all([loadStage('compose'), ...[...needed].map((s) => loadStage(s))]);

  // Load: the YAML, validated, its style and its seal images.
  const ready = await loadWithStyle(platform, source, options, diagnostics);
  if (!ready) return done();
  const { report, loaded, style } = ready;
  const { assets } = take(await compose.loadSeals(compose.picturesOf(report), options.assets, { lang, filename, locate: loaded.locate }));
  if (failed()) return done();

  // Check: what a reviewing office would send back, warnings (errors under strict) reported with
  // any font problem below so that one run shows everything; the rules' own errors first.
  // The clock is read here, by the caller, so that lint itself stays deterministic.
  const severity = options.strict ? 'error' : 'warning';
  diagnostics.push(...(await loadStage('lint')).lintLoaded(report, loaded, style, { filename, lang, today: new Date(), severity }));

  // Compose, then check every character against the fonts that will draw it.
  const composed = take(compose.composeDocument(report, style, { assets, lang, filename, locate: loaded.locate }));
  const document = composed.document;
  if (!document || hasErrors(composed.diagnostics)) return done();
  const fonts = laysOut ? await fontsFor() : undefined;
  if (fonts) take((await loadStage('fonts')).checkGlyphs(document, fonts, { lang, allowMissing: !options.strict && (options.allowMissingGlyphs ?? false) }));
  // A report with an error gets no output at all, rather than some formats and not others.
  if (failed()) return done(document);

  // Render. A renderer's message about a node is placed where that node came from.
  const placed = (result: Result) => diagnostics.push(...result.diagnostics.map((d) => placeAtOrigin(d, document)));
  // The PDF first: its layout tells the DOCX whether a blank page stands before the 版记 page,
  // where the body's last line starts, the line that goes with the signature, and how it laid the
  // tables out (rows' heights, rows that end a page); and the OFD draws
  // the pages it lays out, so both fixed-layout formats come from one layout.
  let laidOut: Awaited<ReturnType<Stages['pdf']['renderPdf']>> | undefined;
  const laysOutFirst = (f: Format): number => Number(f === 'pdf' || f === 'ofd');
  for (const format of [...formats].sort((a, b) => laysOutFirst(b) - laysOutFirst(a))) {
    if (format === 'txt') outputs.txt = (await loadStage('text')).renderText(document);
    else if (format === 'md') outputs.md = (await loadStage('text')).renderMarkdown(document);
    else if (format === 'html') outputs.html = (await loadStage('html')).renderHtml(document);
    else if (format === 'pdf' || format === 'ofd') {
      if (!laidOut) placed((laidOut = await (await loadStage('pdf')).renderPdf(document, fonts!, { lang, pages: formats.includes('ofd') })));
      if (format === 'pdf') outputs.pdf = laidOut.pdf;
      else {
        const out = await (await loadStage('ofd')).writeOfd(laidOut.pages ?? [], { meta: document.meta, fonts: fonts!, ...(lang ? { lang } : {}) });
        placed(out);
        outputs.ofd = out.ofd;
      }
    } else if (format === 'docx') {
      const embed = options.embedFonts ? await fontsFor() : undefined;
      // The style's names for its region's offices, then the caller's.
      const fontNames = { ...style.manifest.fonts, ...options.fontNames };
      const out = await (await loadStage('docx')).renderDocx(document, {
        ...(embed ? { embedFonts: embed } : {}),
        ...(Object.keys(fontNames).length ? { fontNames } : {}),
        ...(lang ? { lang } : {}),
        ...(laidOut ? { endMatterAfterBlankPage: laidOut.endMatterAfterBlankPage } : {}),
        ...(laidOut?.lastBodyLineStart !== undefined ? { lastBodyLineStart: laidOut.lastBodyLineStart } : {}),
        ...(laidOut?.tables.length ? { tables: laidOut.tables } : {}),
      });
      placed(out);
      outputs.docx = out.docx;
    }
  }
  // A renderer that refused (a seal it cannot decode) leaves no format behind either.
  if (failed()) for (const format of Object.keys(outputs) as Format[]) delete outputs[format];
  return done(document);
}

/**
 * Checks one report without rendering: the YAML, the schema, the style and its templates, and
 * the seal paths.
 */
export async function validateOn(platform: Platform, source: string | Uint8Array, options: Omit<RenderOptions, 'formats'> = {}): Promise<{ diagnostics: Diagnostic[] }> {
  const { diagnostics } = await renderOn(platform, source, { ...options, formats: [] });
  return { diagnostics };
}
