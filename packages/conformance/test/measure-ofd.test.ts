import { readFileSync } from 'node:fs';
import { ptToMm } from '@gongwen/model';
import { writeZip } from '@gongwen/zip';
import { describe, expect, it } from 'vitest';
import { checkFile, fileKind, measureOfd, OfdReadError } from '../src/index.js';
import { serifFont } from './fixtures.js';

/*
 * A small OFD written by hand the way other producers write them: another namespace prefix, the
 * document outside Doc_0, an absolute page location, a CTM that scales the text, DeltaX with
 * `g` runs, a template page holding the page number, a font file named relative to its Res's
 * BaseLoc.
 */
const ns = 'xmlns:o="http://www.ofdspec.org/2016"';
const utf8 = (s: string) => new TextEncoder().encode(s);

function handMadeOfd(options: { font?: boolean } = {}): Uint8Array {
  const font = options.font === false ? '' : '<o:FontFile>serif.ttf</o:FontFile>';
  return writeZip([
    ['OFD.xml', utf8(`<?xml version="1.0" encoding="UTF-8"?><o:OFD ${ns} Version="1.0" DocType="OFD"><o:DocBody><o:DocInfo><o:DocID>x</o:DocID></o:DocInfo><o:DocRoot>/Docs/a/Document.xml</o:DocRoot></o:DocBody></o:OFD>`)],
    [
      'Docs/a/Document.xml',
      utf8(
        `<o:Document ${ns}><o:CommonData><o:MaxUnitID>20</o:MaxUnitID><o:PageArea><o:PhysicalBox>0 0 210 297</o:PhysicalBox></o:PageArea>` +
          `<o:PublicRes>Res/Public.xml</o:PublicRes><o:TemplatePage ID="2" BaseLoc="Tpl/t.xml"/></o:CommonData>` +
          `<o:Pages><o:Page ID="3" BaseLoc="/Docs/a/P/one.xml"/></o:Pages></o:Document>`,
      ),
    ],
    ['Docs/a/Res/Public.xml', utf8(`<o:Res ${ns} BaseLoc="Files"><o:Fonts><o:Font ID="1" FontName="仿宋" FamilyName="仿宋">${font}</o:Font></o:Fonts></o:Res>`)],
    ['Docs/a/Res/Files/serif.ttf', new Uint8Array(readFileSync(serifFont))],
    [
      'Docs/a/Tpl/t.xml',
      utf8(`<o:Page ${ns}><o:Content><o:Layer ID="5"><o:TextObject ID="6" Boundary="150 265 30 10" Font="1" Size="4.9389"><o:TextCode X="0" Y="5" DeltaX="g 4 4.9389">— 1 —</o:TextCode></o:TextObject></o:Layer></o:Content></o:Page>`),
    ],
    [
      'Docs/a/P/one.xml',
      utf8(
        `<o:Page ${ns}><o:Template TemplateID="2" ZOrder="Background"/><o:Content><o:Layer ID="7"><o:PageBlock ID="8">` +
          // Half-size text scaled ×2 by its CTM: 16 pt on the page.
          `<o:TextObject ID="9" Boundary="28 30 160 20" CTM="2 0 0 2 0 0" Font="1" Size="2.8222"><o:FillColor Value="230 0 18"/><o:TextCode X="0" Y="3" DeltaX="g 3 2.8222">法治政府</o:TextCode></o:TextObject>` +
          `</o:PageBlock>` +
          `<o:TextObject ID="10" Boundary="28 40 160 20" Font="1" Size="5.6444"><o:TextCode X="0" Y="6">建设</o:TextCode></o:TextObject>` +
          `<o:PathObject ID="11" Boundary="28 50 156 1" LineWidth="0.35"><o:StrokeColor Value="#FF #00 #00"/><o:AbbreviatedData>M 0 0.5 L 156 0.5</o:AbbreviatedData></o:PathObject>` +
          `<o:ImageObject ID="12" Boundary="120 200 42 42" CTM="42 0 0 42 0 0" ResourceID="13"/>` +
          `</o:Layer></o:Content></o:Page>`,
      ),
    ],
  ]);
}

describe('measureOfd', () => {
  it('reads an OFD another producer could write', async () => {
    const m = await measureOfd(handMadeOfd());
    expect(m.pageCount).toBe(1);
    const [page] = m.pages;
    expect(page!.width).toBe(210);
    expect(page!.height).toBe(297);
    const [red, black] = page!.lines;
    expect(red!.text).toBe('法治政府');
    expect(red!.fontSize).toBe(16);
    expect(red!.x).toBeCloseTo(28, 4);
    expect(red!.baseline).toBeCloseTo(36, 4);
    // Three steps of 2 × 2.8222 mm, then the last glyph's own advance (1 em in the font) at 16 pt.
    expect(red!.xEnd).toBeCloseTo(28 + 3 * 5.6444 + 5.6444, 3);
    expect(red!.font).toBe('仿宋');
    // Without DeltaX the glyphs advance by the font's widths.
    expect(black!.text).toBe('建设');
    expect(black!.xEnd - black!.x).toBeCloseTo(2 * 5.6444, 3);
    expect(page!.redGlyphs).toBe(4);
    // The template page's page number is the page's number.
    expect(page!.pageNumber).toMatchObject({ value: 1, fontSize: 14 });
    expect(page!.rules).toEqual([expect.objectContaining({ tone: 'red', length: 156, y: 50.5, x1: 28 })]);
    expect(page!.rules[0]!.thicknessPt).toBeCloseTo(0.35 / ptToMm(1), 3);
    expect(page!.images).toEqual([{ x1: 120, y1: 200, x2: 162, y2: 242 }]);
  });

  it('says which fonts are embedded, and that a whole font file is not a subset', async () => {
    const embedded = await measureOfd(handMadeOfd());
    expect(embedded.fonts).toEqual([{ name: '仿宋', baseName: '仿宋', embedded: true, subset: false }]);
    const named = await measureOfd(handMadeOfd({ font: false }));
    expect(named.fonts).toEqual([{ name: '仿宋', baseName: '仿宋', embedded: false, subset: false }]);
    // Without the font, a CJK glyph is taken as one em wide.
    expect(named.pages[0]!.lines[1]!.xEnd - named.pages[0]!.lines[1]!.x).toBeCloseTo(2 * 5.6444, 3);
  });

  it('rejects what is not an OFD with a message for the user', async () => {
    await expect(measureOfd(utf8('%PDF-1.7'))).rejects.toMatchObject({ name: 'OfdReadError', code: 'not-ofd' });
    await expect(measureOfd(utf8('%PDF-1.7'), { lang: 'en' })).rejects.toThrow(/not an OFD file/);
    await expect(measureOfd(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).rejects.toMatchObject({ code: 'damaged' });
    // A zip bomb: a few bytes declaring a gigabyte (in its central directory).
    const bomb = writeZip([['OFD.xml', new Uint8Array(1024)]]);
    const view = new DataView(bomb.buffer);
    let end = bomb.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 24, 1024 * 1024 * 1024, true);
    await expect(measureOfd(bomb, { lang: 'en' })).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('too large') });
    const err = await measureOfd(writeZip([['OFD.xml', utf8(`<o:OFD ${ns}><o:DocBody/></o:OFD>`)]])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfdReadError);
    expect((err as OfdReadError).hintIn('en')).toMatch(/export the OFD again/);
  });

  it('is told from a PDF by its bytes', async () => {
    expect(fileKind(handMadeOfd())).toBe('ofd');
    expect(fileKind(utf8('junk%PDF-1.7'))).toBe('pdf');
    expect(fileKind(utf8('<html>'))).toBeUndefined();
    const report = await checkFile(handMadeOfd());
    expect(report.kind).toBe('ofd');
    expect(report.rules.find((r) => r.id === 'page/size')!.pass).toBe(true);
  });
});
