import { error, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import type { Report } from '@gongwen/schema';
import { t } from './messages.js';
import { checkSealPixels, sealLimits, sealProblem } from './seal-image.js';

/**
 * Where seal images come from: bytes by the path the report names them with, or a function that
 * reads them (`undefined` when it cannot). A file larger than `maxBytes` is refused anyway, so a
 * reader need not read more than `maxBytes + 1` bytes of it.
 */
export type SealSource = Record<string, Uint8Array> | ((ref: string, maxBytes: number) => Uint8Array | undefined);

export interface LoadSealsOptions {
  lang?: Lang;
  filename?: string;
  locate?: (path: (string | number)[]) => { line: number; column: number; endLine?: number; endColumn?: number } | undefined;
}

/** A picture the report names, with its place in the data (a seal, or a signatory's signature stamp). */
export interface SealRef {
  ref: string;
  at: (string | number)[];
}

/** Every picture the report names, at its place in the data: the seals, then the signatories' signature stamps. */
export function picturesOf(report: Pick<Report, 'signature'>): SealRef[] {
  return [
    ...(report.signature?.seals ?? []).map((ref, i) => ({ ref, at: ['signature', 'seals', i] })),
    ...(report.signature?.signatories ?? []).map((s, i) => ({ ref: s.stamp, at: ['signature', 'signatories', i, 'stamp'] })),
  ];
}

export interface LoadSealsResult extends Result {
  /** The images that passed, by the path the report names them with. */
  assets: Record<string, Uint8Array>;
  diagnostics: Diagnostic[];
}

/** Images `loadSeals` has checked to the pixel: compose places them without checking again. */
const checked = new WeakSet<Uint8Array>();

export function isCheckedSeal(bytes: Uint8Array): boolean {
  return checked.has(bytes);
}

/**
 * Where a seal image enters: each one the report names is read once (by the caller's function or
 * from its bytes) and checked once, down to its pixels — PNG or JPEG, within `sealLimits`, whole —
 * so that no writer ever sees a damaged image (a DOCX embeds the bytes as they are). A problem is
 * reported at the seal's place in the YAML.
 */
export async function loadSeals(pictures: readonly (string | SealRef)[], source: SealSource | undefined, options: LoadSealsOptions = {}): Promise<LoadSealsResult> {
  const lang = options.lang ?? 'zh';
  const assets: Record<string, Uint8Array> = {};
  const diagnostics: Diagnostic[] = [];
  // A bare path is the i-th of `signature.seals`.
  const items = pictures.map((p, i): SealRef => (typeof p === 'string' ? { ref: p, at: ['signature', 'seals', i] } : p));
  const refs = items.map((p) => p.ref);
  for (let i = 0; i < items.length; i++) {
    const { ref, at: dataPath } = items[i]!;
    if (refs.indexOf(ref) !== i) continue;
    const at = { ...(options.filename ? { file: options.filename } : {}), ...options.locate?.(dataPath), path: pathText(dataPath) };
    let bytes: unknown;
    let failure: string | undefined;
    try {
      bytes = typeof source === 'function' ? source(ref, sealLimits.maxBytes) : source && Object.hasOwn(source, ref) ? source[ref] : undefined;
    } catch (e) {
      // The caller's reader failed: this report cannot be rendered, but the caller gets a message, not the exception.
      failure = e instanceof Error ? e.message : String(e);
    }
    if (!(bytes instanceof Uint8Array)) {
      diagnostics.push(
        failure !== undefined || bytes !== undefined
          ? error('options/assets', t(lang, `assets 读取印章图片“${ref}”时出错：${failure ?? `返回了 ${typeof bytes}，而不是 Uint8Array`}`, `the assets reader failed for the seal image "${ref}": ${failure ?? `it returned ${typeof bytes}, not a Uint8Array`}`), {
              ...at,
              hint: t(lang, '传给 render() 的 assets 函数应返回图片字节，读不到时返回 undefined', 'the assets function given to render() must return the bytes, or undefined when the file cannot be read'),
            })
          : error('asset/missing', t(lang, `无法读取印章图片“${ref}”`, `cannot read the seal image "${ref}"`), {
              ...at,
              hint: t(lang, '路径相对于报告文件，且不能指向其所在文件夹之外', 'the path is relative to the report file and must stay inside its folder'),
            }),
      );
      continue;
    }
    const problem = sealProblem(await checkSealPixels(bytes), ref, lang);
    if (problem) {
      diagnostics.push(error(problem.ruleId, problem.message, { ...at, hint: problem.hint }));
      continue;
    }
    checked.add(bytes);
    assets[ref] = bytes;
  }
  return { assets, diagnostics };
}

function pathText(at: readonly (string | number)[]): string {
  return at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}
