import { crc32 } from '@gongwen/zip';
import { t, type Lang } from './messages.js';

/**
 * What a seal image may cost. A seal is 42 mm across: 1000 pixels is 600 dpi, so these leave
 * room for any real scan while keeping a decoded image under 64 MiB (4 bytes a pixel).
 */
export const sealLimits = {
  /** Bytes of the file. */
  maxBytes: 8 * 1024 * 1024,
  /** Width × height. */
  maxPixels: 4096 * 4096,
} as const;

export type SealCheck =
  | { ok: true; type: 'png' | 'jpg'; width: number; height: number }
  | { ok: false; problem: 'format' | 'corrupt' | 'too-large'; detail: string; width?: number; height?: number };

/**
 * Checks a seal image before anything decodes it: PNG or JPEG by its signature, its size in
 * bytes, its dimensions read from the header (so a small file that would decode to gigabytes
 * is refused without decoding it), and a complete structure: every PNG chunk inside the file
 * with its checksum, up to IEND; every JPEG segment, up to the end-of-image marker. Plain code,
 * no decoder: it runs wherever compose runs, browsers included.
 */
export function checkSealImage(bytes: Uint8Array): SealCheck {
  if (bytes.byteLength > sealLimits.maxBytes) return { ok: false, problem: 'too-large', detail: `${bytes.byteLength} bytes` };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checkPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return checkJpeg(bytes);
  return { ok: false, problem: 'format', detail: 'not PNG or JPEG' };
}

function checkPng(b: Uint8Array): SealCheck {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const corrupt = (detail: string): SealCheck => ({ ok: false, problem: 'corrupt', detail });
  let at = 8;
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  let data = false;
  while (at + 12 <= b.byteLength) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (length > b.byteLength - at - 12) return corrupt(`chunk ${type} runs past the end of the file`);
    const body = b.subarray(at + 8, at + 8 + length);
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return corrupt(`chunk ${type} fails its checksum`);
    if (!header && type !== 'IHDR') return corrupt('no IHDR header');
    if (type === 'IHDR') {
      if (length !== 13) return corrupt('bad IHDR header');
      const h = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: body[8]!, color: body[9]!, interlace: body[12]! };
      if (!validDepth(h.color, h.depth) || body[10] !== 0 || body[11] !== 0 || h.interlace > 1) return corrupt('unknown PNG pixel format');
      if (h.width === 0 || h.height === 0) return corrupt('zero width or height');
      if (h.width * h.height > sealLimits.maxPixels) return { ok: false, problem: 'too-large', detail: `${h.width}×${h.height}`, width: h.width, height: h.height };
      header = h;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data = true;
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header) return corrupt('no IHDR header');
  if (!ended) return corrupt('the file is cut short (no IEND)');
  if (!data) return corrupt('no image data');
  if (header.color === 3 && !palette) return corrupt('no palette');
  return { ok: true, type: 'png', width: header.width, height: header.height };
}

function validDepth(color: number, depth: number): boolean {
  const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  return allowed[color]?.includes(depth) ?? false;
}

function checkJpeg(b: Uint8Array): SealCheck {
  const corrupt = (detail: string): SealCheck => ({ ok: false, problem: 'corrupt', detail });
  let at = 2;
  let size: { width: number; height: number } | undefined;
  while (at + 1 < b.byteLength) {
    if (b[at] !== 0xff) return corrupt('a segment does not start with a marker');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      return size ? { ok: true, type: 'jpg', ...size } : corrupt('no frame header');
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.byteLength) break;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > b.byteLength) return corrupt('a segment runs past the end of the file');
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return corrupt('bad frame header');
      const height = (b[at + 5]! << 8) | b[at + 6]!;
      const width = (b[at + 7]! << 8) | b[at + 8]!;
      const components = b[at + 9]!;
      if (!width || !height) return corrupt('zero width or height');
      if (![1, 3, 4].includes(components)) return corrupt('unknown colour space');
      if (width * height > sealLimits.maxPixels) return { ok: false, problem: 'too-large', detail: `${width}×${height}`, width, height };
      size = { width, height };
    }
    at += 2 + length;
    if (marker === 0xda) {
      if (!size) return corrupt('image data before the frame header');
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      while (at + 1 < b.byteLength && !(b[at] === 0xff && b[at + 1] !== 0 && !(b[at + 1]! >= 0xd0 && b[at + 1]! <= 0xd7))) at++;
    }
  }
  return corrupt('the file is cut short (no end-of-image marker)');
}

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  return b.byteLength >= prefix.length && prefix.every((x, i) => b[i] === x);
}

/** What is wrong with a seal image, in the reader's words; nothing when it can be placed. */
export function sealProblem(check: SealCheck, path: string, lang: Lang): { ruleId: string; message: string; hint: string } | undefined {
  if (check.ok) return undefined;
  const mib = sealLimits.maxBytes / 1024 / 1024;
  const side = Math.sqrt(sealLimits.maxPixels);
  if (check.problem === 'too-large') {
    return check.width !== undefined
      ? {
          ruleId: 'seal/too-large',
          message: t(lang, `印章图片 ${path} 有 ${check.width}×${check.height} 像素，超过上限（${sealLimits.maxPixels} 像素）`, `the seal image ${path} is ${check.width}×${check.height} pixels, more than the limit of ${sealLimits.maxPixels}`),
          hint: t(lang, `印章直径 42 毫米，约 1000×1000 像素（600 dpi）已足够；请缩小到 ${side}×${side} 像素以内。`, `a seal is 42 mm across: about 1000×1000 pixels (600 dpi) is plenty; scale it to at most ${side}×${side}`),
        }
      : {
          ruleId: 'seal/too-large',
          message: t(lang, `印章图片 ${path} 超过 ${mib} MiB`, `the seal image ${path} is larger than ${mib} MiB`),
          hint: t(lang, '请另存为较小的 PNG 或 JPEG（约 1000×1000 像素即可）。', 'save it as a smaller PNG or JPEG (about 1000×1000 pixels is plenty)'),
        };
  }
  if (check.problem === 'format') {
    return {
      ruleId: 'seal/format',
      message: t(lang, `印章图片 ${path} 不是 PNG 或 JPEG`, `the seal image ${path} is neither PNG nor JPEG`),
      hint: t(lang, '请提供 PNG（最好带透明背景）或 JPEG 格式的印章图片。', 'give the seal as a PNG (ideally with a transparent background) or a JPEG'),
    };
  }
  return {
    ruleId: 'seal/corrupt',
    message: t(lang, `印章图片 ${path} 已损坏（${check.detail}）`, `the seal image ${path} is damaged (${check.detail})`),
    hint: t(lang, '请用图片编辑器重新导出这枚印章，或换一份完整的文件。', 'export the seal again from an image editor, or use a complete copy of the file'),
  };
}

/**
 * The second half of the check, for PNG: the compressed pixels must inflate to exactly the rows
 * the header promises. Asynchronous (the platform's DecompressionStream, in Node and browsers),
 * and stopped as soon as the output passes that size, so a bomb costs nothing.
 */
export async function checkSealPixels(bytes: Uint8Array): Promise<SealCheck> {
  const first = checkSealImage(bytes);
  if (!first.ok || first.type !== 'png') return first;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | undefined;
  for (let at = 8; at + 12 <= bytes.byteLength; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IHDR') header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: bytes[at + 16]!, color: bytes[at + 17]!, interlace: bytes[at + 20]! };
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const expected = rawSize(header!);
  const corrupt: SealCheck = { ok: false, problem: 'corrupt', detail: 'the compressed pixels are damaged' };
  let total = 0;
  try {
    const stream = new Blob(parts as unknown as ConstructorParameters<typeof Blob>[0]).stream().pipeThrough(new DecompressionStream('deflate'));
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > expected) {
        await reader.cancel();
        return { ok: false, problem: 'corrupt', detail: 'the compressed pixels overflow the image' };
      }
    }
  } catch {
    return corrupt;
  }
  return total === expected ? first : { ok: false, problem: 'corrupt', detail: 'the compressed pixels do not fill the image' };
}

const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Bytes of the filtered rows (one filter byte a row) the header promises, over the Adam7 passes when interlaced. */
function rawSize(h: { width: number; height: number; depth: number; color: number; interlace: number }): number {
  const bits = channels[h.color]! * h.depth;
  const rows = (w: number, n: number) => (w > 0 && n > 0 ? n * (1 + Math.ceil((w * bits) / 8)) : 0);
  if (!h.interlace) return rows(h.width, h.height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((h.width - x0) / dx), Math.ceil((h.height - y0) / dy)), 0);
}
