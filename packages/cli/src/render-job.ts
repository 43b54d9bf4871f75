import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { error, hasErrors, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
// Its own entry: a single render should not load the thread pool to hash its fonts.
import { fontsKey, stylesKey } from '@gongwen/pool/environment-key';
import { render, type Format } from 'gongwen';
import { assetReader } from './assets.js';
import { writeFileAtomic } from './atomic-write.js';

import { version } from './version.js';

export { forgetStylesKey } from '@gongwen/pool/environment-key';

/** One report to render: everything a worker thread needs, as plain data. */
export interface RenderJob {
  input: string;
  /** As shown to the user. */
  display: string;
  /** Output path per format. */
  outputs: Partial<Record<Format, string>>;
  formats: Format[];
  style?: string;
  styleDirs?: string[];
  fontDirs?: string[];
  lang: Lang;
  strict: boolean;
  /** Render a character no font has as an empty box, with a warning, instead of failing. */
  allowMissingGlyphs?: boolean;
  /** Report files larger than this are refused (the library's default when absent). */
  maxBytes?: number;
  embedFonts: boolean;
  /** What the last run recorded, for `--changed`. */
  previous?: ManifestEntry;
  /** Compute what a manifest records (`--changed`); a plain run skips hashing the fonts and styles. */
  track?: boolean;
  /** Font files by path, read once for every thread of a batch (`readSharedFontFiles`). */
  fontFiles?: ReadonlyMap<string, Uint8Array>;
}

export interface OutputRecord {
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
}

/** What the manifest keeps per input to decide whether it changed. */
export interface ManifestEntry {
  key: string;
  /** sha256 of each file the report referred to (seals), by its reference. */
  assets: Record<string, string>;
  outputs: OutputRecord[];
}

export interface RenderRecord {
  input: string;
  status: 'rendered' | 'failed' | 'skipped';
  outputs: OutputRecord[];
  diagnostics: Diagnostic[];
  ms: number;
  /** Present when the render succeeded, for the manifest. */
  entry?: ManifestEntry;
  /** The input text, when there are diagnostics to show excerpts from. */
  source?: string;
}

/** Renders one report and writes its outputs atomically. Never throws for bad input. */
export async function runJob(job: RenderJob): Promise<RenderRecord> {
  const started = performance.now();
  const record = (status: RenderRecord['status'], rest: Partial<RenderRecord>): RenderRecord => ({
    input: job.display,
    status,
    outputs: [],
    diagnostics: [],
    ...rest,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.input);
  } catch (e) {
    const message = say(job.lang, `无法读取文件：${(e as Error).message}`, `cannot read the file: ${(e as Error).message}`);
    return record('failed', { diagnostics: [error('io/read', message, { file: job.display })] });
  }
  const key = job.track || job.previous ? await jobKey(job, bytes) : undefined;
  if (key !== undefined && job.previous && job.previous.key === key && unchanged(job, job.previous)) {
    return record('skipped', { outputs: job.previous.outputs, entry: job.previous });
  }

  const read = assetReader(job.input);
  const assets: Record<string, string> = {};
  // For excerpts under diagnostics only: the schema reads the bytes itself, so a GBK, UTF-16 or
  // binary file gets a message saying so instead of a parse error about replacement characters.
  const source = bytes.toString('utf8');
  let result: Awaited<ReturnType<typeof render>>;
  try {
    result = await render(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filename: job.display,
      formats: job.formats,
      style: job.style,
      styleDirs: job.styleDirs,
      fontDirs: job.fontDirs,
      lang: job.lang,
      strict: job.strict,
      allowMissingGlyphs: job.allowMissingGlyphs ?? false,
      ...(job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {}),
      embedFonts: job.embedFonts,
      assets: (ref, maxBytes) => {
        const data = read(ref, maxBytes);
        if (data) assets[ref] = sha256(data);
        return data;
      },
    });
  } catch (e) {
    // A bug in a stage fails this report only; the batch goes on.
    return record('failed', { diagnostics: [internalError(e, job)], source });
  }
  const diagnostics = result.diagnostics;
  const withSource = diagnostics.length ? { source } : {};
  if (hasErrors(diagnostics)) return record('failed', { diagnostics, ...withSource });

  const outputs: OutputRecord[] = [];
  for (const format of job.formats) {
    const data = result.outputs[format];
    const path = job.outputs[format];
    if (data === undefined || !path) continue;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      writeFileAtomic(path, buf);
    } catch (e) {
      const message = say(job.lang, `无法写入 ${path}：${(e as Error).message}`, `cannot write ${path}: ${(e as Error).message}`);
      diagnostics.push(error('io/write', message, { file: job.display }));
      return record('failed', { diagnostics, outputs, ...withSource });
    }
    outputs.push({ format, path, bytes: buf.byteLength, sha256: sha256(buf) });
  }
  return record('rendered', { diagnostics, outputs, ...(key !== undefined ? { entry: { key, assets, outputs } } : {}), ...withSource });
}

export function internalError(e: unknown, job: Pick<RenderJob, 'display' | 'lang'>): Diagnostic {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return error('internal/exception', say(job.lang, `渲染时发生内部错误：${message}`, `internal error while rendering: ${message}`), {
    file: job.display,
    hint: say(job.lang, '这是 gongwen 的缺陷，请附上此文件报告', 'this is a bug in gongwen; please report it with this file'),
  });
}

function unchanged(job: RenderJob, previous: ManifestEntry): boolean {
  const read = assetReader(job.input);
  for (const [ref, hash] of Object.entries(previous.assets)) {
    const data = read(ref);
    if (!data || sha256(data) !== hash) return false;
  }
  return job.formats.every((f) => {
    const out = previous.outputs.find((o) => o.format === f);
    if (!out || out.path !== job.outputs[f]) return false;
    try {
      return statSync(out.path).size === out.bytes;
    } catch {
      return false;
    }
  });
}

/** Everything an output depends on besides the seal images: version, options, data, styles, fonts. */
async function jobKey(job: RenderJob, data: Uint8Array): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify([version, job.formats, job.style ?? null, job.strict, job.embedFonts, job.lang, job.allowMissingGlyphs ?? false]));
  h.update(sha256(data));
  h.update(stylesKey(job.styleDirs));
  if (job.formats.includes('pdf') || job.formats.includes('ofd') || (job.embedFonts && job.formats.includes('docx'))) h.update(await fontsKey(job.fontDirs));
  return h.digest('hex');
}


export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
