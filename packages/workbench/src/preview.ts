// The pages as they will print: the PDF the engine made, drawn by pdf.js.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** pdf.js's own worker script (kept for offline use with the page's other files). */
export const pdfWorkerUrl = new URL(workerUrl, document.baseURI).href;

// One pdf.js worker for the whole visit: a new one per render would load and start its script after every keystroke.
pdfjs.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });

/** Draws every page of the PDF into `container` (replacing what was there once all are drawn); returns the page count. */
export async function showPdf(container: HTMLElement, pdf: Uint8Array, options: { width: number; className?: string; maxPages?: number }): Promise<number> {
  const doc = await pdfjs.getDocument({ data: pdf.slice() }).promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    const ratio = globalThis.devicePixelRatio || 1;
    for (let n = 1; n <= Math.min(doc.numPages, options.maxPages ?? Infinity); n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (options.width / base.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.width = `${Math.round(viewport.width / ratio)}px`;
      canvas.className = options.className ?? 'page';
      canvas.dataset.page = String(n);
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
    container.replaceChildren(...canvases);
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
