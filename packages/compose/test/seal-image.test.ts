import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { checkSealImage, checkSealPixels, sealLimits } from '../src/index.js';
import { jpegStructure, png, pngChunk } from '@gongwen/test-kit/images';

/** A PNG whose chunks and checksums are right but whose IDAT is the given bytes. */
function withData(width: number, height: number, data: Uint8Array): Buffer {
  const good = png(width, height);
  return Buffer.concat([good.subarray(0, 33), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('checkSealImage', () => {
  it('accepts a real PNG and a well-formed JPEG, with their sizes from the header', () => {
    expect(checkSealImage(png(64, 48))).toEqual({ ok: true, type: 'png', width: 64, height: 48 });
    expect(checkSealImage(jpegStructure(1000, 1000))).toEqual({ ok: true, type: 'jpg', width: 1000, height: 1000 });
  });

  it('refuses a small PNG that would decode to gigabytes, from its header, in milliseconds of CPU', () => {
    const bomb = png(20000, 20000, 'grey1');
    expect(bomb.byteLength).toBeLessThan(sealLimits.maxBytes);
    const before = process.cpuUsage();
    const check = checkSealImage(bomb);
    const cpu = process.cpuUsage(before);
    expect(check).toMatchObject({ ok: false, problem: 'too-large', width: 20000, height: 20000 });
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });

  it('refuses a JPEG whose frame header claims too many pixels, and a file over the byte limit', () => {
    expect(checkSealImage(jpegStructure(30000, 30000))).toMatchObject({ ok: false, problem: 'too-large', width: 30000 });
    const huge = Buffer.concat([png(8, 8), Buffer.alloc(sealLimits.maxBytes)]);
    expect(checkSealImage(huge)).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses a truncated PNG, one with a bad checksum, and one without image data', () => {
    const good = png(64, 64);
    for (const cut of [20, 40, good.byteLength - 12, good.byteLength - 1]) {
      expect(checkSealImage(good.subarray(0, cut)), `cut at ${cut}`).toMatchObject({ ok: false, problem: 'corrupt' });
    }
    const flipped = Buffer.from(good);
    flipped[50] ^= 0xff;
    expect(checkSealImage(flipped)).toMatchObject({ ok: false, problem: 'corrupt' });
    const header = good.subarray(8, 33);
    const noData = Buffer.concat([good.subarray(0, 8), header, pngChunk('IEND', Buffer.alloc(0))]);
    expect(checkSealImage(noData)).toMatchObject({ ok: false, problem: 'corrupt', detail: 'no image data' });
  });

  it('refuses a JPEG cut short, or with garbage where a segment should start', () => {
    expect(checkSealImage(jpegStructure(100, 100, { end: false }))).toMatchObject({ ok: false, problem: 'corrupt' });
    const good = jpegStructure(100, 100);
    expect(checkSealImage(good.subarray(0, 30))).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(checkSealImage(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2]), Buffer.from('not a jpeg at all')]))).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('names anything else a format problem', () => {
    expect(checkSealImage(new TextEncoder().encode('GIF89a……'))).toMatchObject({ ok: false, problem: 'format' });
    expect(checkSealImage(new Uint8Array())).toMatchObject({ ok: false, problem: 'format' });
  });
});

describe('checkSealPixels', () => {
  it('passes a PNG whose pixels inflate to exactly its rows, and a JPEG by its structure', async () => {
    expect(await checkSealPixels(png(40, 30))).toMatchObject({ ok: true, width: 40, height: 30 });
    expect(await checkSealPixels(jpegStructure(10, 10))).toMatchObject({ ok: true, type: 'jpg' });
  });

  it('refuses pixels that are not deflate data, that stop short, or that run past the image', async () => {
    expect(await checkSealPixels(withData(40, 30, Buffer.from('these bytes are not deflate data')))).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(await checkSealPixels(withData(40, 30, deflateSync(Buffer.alloc(10 * (1 + 40 * 4)))))).toMatchObject({ ok: false, problem: 'corrupt', detail: 'the compressed pixels do not fill the image' });
    expect(await checkSealPixels(withData(40, 30, deflateSync(Buffer.alloc(300 * (1 + 40 * 4)))))).toMatchObject({ ok: false, problem: 'corrupt', detail: 'the compressed pixels overflow the image' });
  });

  it('never inflates a bomb: the header check refuses it first', async () => {
    const before = process.cpuUsage();
    expect(await checkSealPixels(png(20000, 20000, 'grey1'))).toMatchObject({ ok: false, problem: 'too-large' });
    const cpu = process.cpuUsage(before);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});
