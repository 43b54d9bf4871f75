import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'gongwen';
import { example, findSoffice, jpegOf, libreOfficeText } from './helpers.js';
import { png, pngChunk } from '@gongwen/test-kit/images';

// A report with one seal, `seal.png`, and the line and column of that path in the YAML.
const source = example('national-jiaokou-2021').replace(/^(signature:\n)/m, '$1  seals: [seal.png]\n');
const sealLine = source.split('\n').findIndex((l) => l.includes('seals: [seal.png]')) + 1;
const sealColumn = source.split('\n')[sealLine - 1]!.indexOf('seal.png') + 1;

async function withSeal(image: Uint8Array, formats: ('pdf' | 'docx' | 'txt')[] = ['pdf', 'docx']) {
  return render(source, { filename: 'r.yaml', formats, assets: { 'seal.png': image } });
}

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = jpegOf((await render(example('national-jiaokou-2021'), { formats: ['pdf'] })).outputs.pdf!);
});

describe('seal images from hostile hands', () => {
  it('a PNG bomb (20000×20000 pixels in a few dozen kB) is refused from its header, in bounded CPU time and memory', async () => {
    const bomb = png(20000, 20000, 'grey1');
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const rss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const r = await withSeal(bomb);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1e6).toBeLessThan(5);
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
    expect(r.outputs).toEqual({});
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'seal/too-large', file: 'r.yaml', line: sealLine, column: sealColumn, path: 'signature.seals[0]' }));
    expect(r.diagnostics.find((d) => d.ruleId === 'seal/too-large')!.message).toContain('20000×20000');
  });

  it('a JPEG whose frame header claims 30000×30000 pixels is refused the same way', async () => {
    const big = Buffer.from(jpeg);
    // Rewrite the frame's height and width in place: the rest of the file stays a real JPEG.
    for (let i = 2; i < big.length - 9; i++) {
      if (big[i] === 0xff && big[i + 1]! >= 0xc0 && big[i + 1]! <= 0xc2) {
        big.writeUInt16BE(30000, i + 5);
        big.writeUInt16BE(30000, i + 7);
        break;
      }
    }
    const r = await withSeal(big);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'seal/too-large', line: sealLine, column: sealColumn }));
  });

  for (const formats of [['pdf', 'docx'], ['docx']] as const) {
    it(`a truncated PNG, a broken JPEG and damaged pixels are refused at the seal, with --format ${formats.join(',')}`, async () => {
      const good = png(120, 120);
      const damagedPixels = Buffer.concat([good.subarray(0, 33), pngChunk('IDAT', Buffer.from('not deflate data at all')), pngChunk('IEND', Buffer.alloc(0))]);
      const short = deflateSync(Buffer.alloc(10));
      const cases: [string, Uint8Array][] = [
        ['truncated PNG', good.subarray(0, Math.floor(good.length / 2))],
        ['truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 2))],
        ['JPEG with its frame header torn out', Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xc0, 0x00]), jpeg.subarray(40)])],
        ['PNG whose pixels are not deflate data', damagedPixels],
        ['PNG whose pixels stop short', Buffer.concat([good.subarray(0, 33), pngChunk('IDAT', short), pngChunk('IEND', Buffer.alloc(0))])],
      ];
      for (const [what, image] of cases) {
        const r = await withSeal(image, [...formats]);
        expect(r.outputs, what).toEqual({});
        expect(r.diagnostics, what).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'seal/corrupt', file: 'r.yaml', line: sealLine, column: sealColumn }));
      }
    });
  }

  it('a file that is no image at all is named so', async () => {
    const r = await withSeal(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), ['docx']);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'seal/format', line: sealLine }));
  });

  it('real PNG and JPEG seals still render, and LibreOffice opens the DOCX', async () => {
    for (const image of [png(300, 300), jpeg]) {
      const r = await withSeal(image);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.outputs.pdf!.byteLength).toBeGreaterThan(10_000);
      const soffice = findSoffice();
      if (soffice) expect(libreOfficeText(soffice, r.outputs.docx!)).toContain('交口乡');
      else if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI');
    }
  });
});
