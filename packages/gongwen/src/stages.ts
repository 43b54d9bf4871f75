/*
 * The stages the facade wires, reached through dynamic imports so that a heavy stage
 * (pdfmake, docx, fontkit) is only loaded when a format needs it, and a stage whose package
 * is missing from an installation is reported as unavailable instead of failing at import.
 */

export type { Style } from '@gongwen/compose';
export type { FontSet } from '@gongwen/fonts';

const importers = {
  schema: () => import('@gongwen/schema'),
  compose: () => import('@gongwen/compose'),
  text: () => import('@gongwen/render-text'),
  fonts: () => import('@gongwen/fonts'),
  pdf: () => import('@gongwen/render-pdf'),
  docx: () => import('@gongwen/render-docx'),
  lint: () => import('@gongwen/lint'),
};

export type StageName = keyof typeof importers;
export type Stages = { [K in StageName]: Awaited<ReturnType<(typeof importers)[K]>> };

/** The functions each stage must provide. */
const required: { [K in StageName]: (keyof Stages[K])[] } = {
  schema: ['loadReport'],
  compose: ['loadStyle', 'composeDocument'],
  text: ['renderText', 'renderMarkdown'],
  fonts: ['resolveFonts', 'checkGlyphs', 'formatFontExplanation'],
  pdf: ['renderPdf'],
  docx: ['renderDocx'],
  lint: ['lintReport', 'fixReport'],
};

const cache = new Map<StageName, Promise<unknown>>();

/** The stage's module, or `undefined` when its package is not installed or lacks its functions. */
export async function loadStage<K extends StageName>(name: K): Promise<Stages[K] | undefined> {
  let pending = cache.get(name);
  if (!pending) {
    pending = importers[name]().then(
      (mod) => (required[name] as string[]).every((fn) => typeof (mod as Record<string, unknown>)[fn] === 'function') ? mod : undefined,
      () => undefined,
    );
    cache.set(name, pending);
  }
  return (await pending) as Stages[K] | undefined;
}
