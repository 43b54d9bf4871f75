import { zipSync } from 'fflate';
import type { Format, RenderOutputs } from 'gongwen';
import { outputName } from './report-request.js';

// Entries dated the same every time, so the same outputs give the same archive bytes.
const fixedDate = new Date(Date.UTC(2000, 0, 1));

/** The bytes of one output. */
export function outputBytes(outputs: RenderOutputs, format: Format): Uint8Array | undefined {
  const data = (outputs as Record<string, Uint8Array | string | undefined>)[format];
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** Every output in one zip archive, each named after the report. */
export function zipOutputs(files: { format: Format; data: Uint8Array }[], filename: string): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[outputName(filename, f.format)] = [f.data, { mtime: fixedDate }];
  return zipSync(entries);
}
