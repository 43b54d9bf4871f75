// Injected into the engine bundle: code written for Node (pdfkit, pdfmake, readable-stream) names
// Buffer and process freely.
import { Buffer } from 'buffer/';
import process from 'process/browser.js';
export { Buffer, process };
