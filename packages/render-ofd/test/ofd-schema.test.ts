import { describe, expect, it } from 'vitest';
import { structureErrors } from './ofd-schema.js';
import { parseXml } from '@gongwen/test-kit/xml';

const errorsOf = (xml: string): string[] => structureErrors(parseXml(xml), 'part');
const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';

describe('the GB/T 33190 structure check', () => {
  it('accepts a page as the standard gives it', () => {
    expect(
      errorsOf(`<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="3" Boundary="0 0 10 10" Font="1" Size="5"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="5">字</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`),
    ).toEqual([]);
  });

  it('rejects children out of order, missing required attributes and children, unknown elements', () => {
    expect(errorsOf(`<ofd:PathObject ${ns} ID="1" Boundary="0 0 1 1"><ofd:AbbreviatedData>M 0 0 L 1 0</ofd:AbbreviatedData><ofd:StrokeColor Value="0 0 0"/></ofd:PathObject>`).join()).toMatch(/out of the standard's order/);
    expect(errorsOf(`<ofd:TextObject ${ns} ID="1" Boundary="0 0 1 1" Size="3"><ofd:TextCode>字</ofd:TextCode></ofd:TextObject>`).join()).toMatch(/required attribute Font/);
    expect(errorsOf(`<ofd:TextObject ${ns} ID="1" Boundary="0 0 1 1" Font="2" Size="3"><ofd:FillColor/></ofd:TextObject>`).join()).toMatch(/required <ofd:CGTransform\|ofd:TextCode> missing/);
    expect(errorsOf(`<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Typeface ID="1"/></ofd:Fonts></ofd:Res>`).join()).toMatch(/not allowed here/);
    expect(errorsOf(`<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>t</ofd:Title><ofd:DocID>0123456789abcdef0123456789abcdef</ofd:DocID></ofd:DocInfo></ofd:DocBody></ofd:OFD>`).join()).toMatch(/out of the standard's order/);
  });

  it('rejects values of the wrong form', () => {
    expect(errorsOf(`<ofd:DocID ${ns}>not-a-uuid</ofd:DocID>`).join()).toMatch(/has not the form/);
    expect(errorsOf(`<ofd:CreationDate ${ns}>2022年1月9日</ofd:CreationDate>`).join()).toMatch(/has not the form/);
    expect(errorsOf(`<ofd:PhysicalBox ${ns}>0 0 210</ofd:PhysicalBox>`).join()).toMatch(/has not the form/);
  });
});
