// The GB/T 9704 check, loaded only when a PDF is first measured: pdf.js is most of its weight and
// the first pages do not need it.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdf.js (in the conformance check) runs its parser in this thread rather than spawning a worker.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export { checkPdf } from '@gongwen/conformance';
