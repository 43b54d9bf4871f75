/*
 * The stages the facade wires, reached through dynamic imports so that a heavy stage
 * (pdfmake, docx, fontkit) is only loaded when a format needs it: a text render or a
 * validation never pays for the PDF renderer.
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
  ofd: () => import('@gongwen/render-ofd'),
  lint: () => import('@gongwen/lint'),
  html: () => import('@gongwen/render-html'),
};

export type StageName = keyof typeof importers;
export type Stages = { [K in StageName]: Awaited<ReturnType<(typeof importers)[K]>> };

const cache = new Map<StageName, Promise<unknown>>();

/** The stage's module, imported once per process. */
export function loadStage<K extends StageName>(name: K): Promise<Stages[K]> {
  let pending = cache.get(name);
  if (!pending) {
    pending = importers[name]();
    cache.set(name, pending);
  }
  return pending as Promise<Stages[K]>;
}
