// The engine: gongwen's own packages running in a Web Worker, so typing never waits for a render.
import type { CheckReport } from '@gongwen/conformance';
import { fontSetOf, loadFont, lookAlikeFamilies, officialFamilies, type FontSet, type LoadedFont } from '@gongwen/fonts';
import type { StyleFacts } from '@gongwen/import';
import { fixReport, rules } from '@gongwen/lint';
import type { Document, FontRole } from '@gongwen/model';
import { bundledStyleSource, listBundledStyles, loadStyleFiles, render, type Style } from 'gongwen';
import type { EngineRequest, FontFiles, ImportReply, ImportRequest, RenderReply, RenderRequest, StyleChoice } from './protocol.js';

/** Measures a PDF against GB/T 9704; its code (pdf.js) is fetched the first time. */
async function checkPdf(pdf: Uint8Array, options: { lang: RenderRequest['lang'] }): Promise<CheckReport> {
  return (await import('./check.js')).checkPdf(pdf, options);
}

let fonts: FontSet | undefined;
const parsed = new Map<string, LoadedFont>();

/** Parses each font file once for the session and chains them per role as given. */
export function useFonts(files: FontFiles): FontSet {
  const byRole: Partial<Record<FontRole, LoadedFont[]>> = {};
  for (const [role, names] of Object.entries(files.chains) as [FontRole, string[]][]) {
    byRole[role] = names.flatMap((name) => {
      let font = parsed.get(name);
      const bytes = files.files[name];
      if (!font && bytes) parsed.set(name, (font = loadFont(bytes, { path: name, source: 'configured', ...(files.faces?.[name] ? { face: files.faces[name] } : {}) })));
      return font ? [font] : [];
    });
  }
  return (fonts = fontSetOf(byRole));
}

const customStyles = new Map<string, { key: string; style?: Style; diagnostics: RenderReply['diagnostics'] }>();

async function styleFor(choice: StyleChoice | undefined, lang: RenderRequest['lang']) {
  if (!choice || !('files' in choice)) return { style: choice?.name, diagnostics: [] };
  // A style being edited is compiled again only when one of its files changed.
  const key = JSON.stringify([choice.files, lang]);
  const hit = customStyles.get(choice.name);
  if (hit?.key === key) return { style: hit.style, diagnostics: hit.diagnostics };
  const out = await loadStyleFiles(choice.files, { name: choice.name, lang });
  customStyles.set(choice.name, { key, style: out.style, diagnostics: out.diagnostics });
  return { style: out.style, diagnostics: out.diagnostics };
}

export async function renderRequest(req: RenderRequest): Promise<RenderReply> {
  const started = performance.now();
  const chosen = await styleFor(req.style, req.lang);
  if (req.style && 'files' in req.style && !chosen.style) return { id: req.id, diagnostics: chosen.diagnostics, headings: [], renderMs: performance.now() - started };
  const result = await render(req.source, {
    filename: req.filename,
    formats: req.formats,
    lang: req.lang,
    ...(chosen.style ? { style: chosen.style } : {}),
    ...(fonts ? { fonts } : {}),
  });
  const renderMs = performance.now() - started;
  const reply: RenderReply = { id: req.id, diagnostics: [...chosen.diagnostics, ...result.diagnostics], headings: result.document ? headingsOf(result.document) : [], renderMs };
  if (result.outputs.pdf) reply.pdf = result.outputs.pdf;
  if (result.outputs.docx) reply.docx = result.outputs.docx;
  if (result.outputs.txt) reply.txt = result.outputs.txt;
  if (result.outputs.html !== undefined) reply.html = result.outputs.html;
  if (result.outputs.ofd) reply.ofd = result.outputs.ofd;
  if (req.conformance && reply.pdf) reply.conformance = await checkPdf(reply.pdf.slice(), { lang: req.lang });
  return reply;
}

let styleFacts: Promise<StyleFacts[]> | undefined;

/** What the importer needs of each bundled style, as the facade's importFile gives it in Node. */
function bundledStyleFacts(): Promise<StyleFacts[]> {
  styleFacts ??= (async () => {
    const out: StyleFacts[] = [];
    for (const { name } of listBundledStyles()) {
      const { style } = await loadStyleFiles(bundledStyleSource(name) ?? {}, { name });
      if (!style) continue;
      const { manifest } = style;
      out.push({ name, order: manifest.parts.order, required: manifest.parts.required, headings: manifest.parts.headings, defaultNumbering: manifest.numbering.default, markers: manifest.numbering.markers });
    }
    return out;
  })();
  return styleFacts;
}

export async function importRequest(req: ImportRequest): Promise<ImportReply> {
  const { importReport } = await import('@gongwen/import');
  const result = importReport(req.bytes, { filename: req.filename, lang: req.lang, styles: await bundledStyleFacts() });
  return { id: req.id, diagnostics: result.diagnostics, ...(result.yaml !== undefined ? { yaml: result.yaml } : {}) };
}

function headingsOf(doc: Document): string[] {
  return doc.body.flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [b.marker + b.text] : []));
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The roles a font picked by the user serves, by its family and PostScript names. */
function classify(files: Record<string, Uint8Array>) {
  const out: Record<string, { family: string; roles: FontRole[] }> = {};
  for (const [name, bytes] of Object.entries(files)) {
    let font: LoadedFont;
    try {
      font = parsed.get(name) ?? loadFont(bytes, { path: name, source: 'configured' });
    } catch {
      out[name] = { family: '', roles: [] };
      continue;
    }
    parsed.set(name, font);
    const names = [font.family, font.postscriptName].map(norm);
    const roles = (Object.keys(officialFamilies) as FontRole[]).filter((role) =>
      [...officialFamilies[role], ...(lookAlikeFamilies[role] ?? [])].some((f) => names.includes(norm(f))),
    );
    out[name] = { family: font.family, roles };
  }
  return out;
}

function stylesReply(id: number) {
  return { id, styles: listBundledStyles().map((s) => ({ ...s, files: bundledStyleSource(s.name) ?? {} })), fixable: rules.filter((r) => r.fix).map((r) => r.id as string) };
}

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(message: unknown, transfer?: Transferable[]): void; document?: unknown };
if (typeof scope.document === 'undefined' && 'postMessage' in scope) {
  scope.onmessage = async (event) => {
    const req = event.data;
    try {
      if (req.type === 'fonts') {
        const set = useFonts(req.fonts);
        scope.postMessage({ id: req.id, families: Object.fromEntries(Object.entries(set).map(([role, chain]) => [role, chain.map((f) => f.family)])) });
      } else if (req.type === 'styles') {
        scope.postMessage(stylesReply(req.id));
      } else if (req.type === 'check') {
        scope.postMessage({ id: req.id, report: await checkPdf(req.pdf, { lang: req.lang }) });
      } else if (req.type === 'fix') {
        scope.postMessage({ id: req.id, fixed: fixReport(req.source, req.diagnostics) });
      } else if (req.type === 'import') {
        scope.postMessage(await importRequest(req));
      } else if (req.type === 'classify') {
        scope.postMessage({ id: req.id, fonts: classify(req.files) });
      } else {
        const reply = await renderRequest(req);
        const transfer = [reply.pdf?.buffer, reply.docx?.buffer, reply.ofd?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
        scope.postMessage(reply, transfer);
      }
    } catch (err) {
      scope.postMessage({ id: req.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    }
  };
}
