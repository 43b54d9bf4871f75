import { derived, fontRoles, layout, mmToTwip } from '@gongwen/model';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.js';
import { jointSealedDocument, plainSealedDocument, upwardDocument } from './fixtures.js';
import type { XmlElement } from '@gongwen/test-kit/xml';
import { find, parseXml } from '@gongwen/test-kit/xml';

async function render(doc = jointSealedDocument(), options: Parameters<typeof renderDocx>[1] = {}) {
  const { docx, diagnostics } = await renderDocx(doc, options);
  const files = unzipSync(docx);
  const xml = (path: string) => parseXml(new TextDecoder().decode(files[path]!), path);
  return { docx, files, xml, diagnostics };
}

const child = (e: XmlElement | undefined, name: string) => e?.children.find((c) => c.name === name);
const style = (styles: XmlElement, id: string) => find(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id)!;
const textOf = (e: XmlElement) => find(e, 'w:t').map((t) => t.text).join('');

describe('the section', () => {
  it('is A4 with 37/35/28/26 mm margins and Word\'s lines grid of 22 lines at 579 twips', async () => {
    const { xml } = await render();
    const sect = find(xml('word/document.xml'), 'w:sectPr')[0]!;
    expect(child(sect, 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(child(sect, 'w:pgMar')!.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
    expect(child(sect, 'w:docGrid')!.attrs).toEqual({ 'w:type': 'lines', 'w:linePitch': '579' });
    // 22 lines fit the 225 mm block and a 23rd would not.
    expect(22 * 579).toBeLessThanOrEqual(mmToTwip(layout.textBlock.height));
    expect(23 * 579).toBeGreaterThan(mmToTwip(layout.textBlock.height));
  });

  it('has odd and even footers with a PAGE field, right and left, one 4号 character in', async () => {
    const { xml } = await render();
    const settings = xml('word/settings.xml');
    expect(find(settings, 'w:evenAndOddHeaders')).toHaveLength(1);
    const refs = find(xml('word/document.xml'), 'w:footerReference');
    const rels = find(xml('word/_rels/document.xml.rels'), 'Relationship');
    const footer = (type: string) => {
      const id = refs.find((r) => r.attrs['w:type'] === type)!.attrs['r:id'];
      return xml(`word/${rels.find((r) => r.attrs.Id === id)!.attrs.Target}`);
    };
    for (const [type, jc, side] of [['default', 'right', 'w:right'], ['even', 'left', 'w:left']] as const) {
      const f = footer(type);
      const pPr = find(f, 'w:pPr')[0]!;
      expect(child(pPr, 'w:jc')!.attrs['w:val']).toBe(jc);
      expect(child(pPr, 'w:ind')!.attrs[side]).toBe(String(fontRoles.pageNumber.size * 20));
      expect(find(f, 'w:instrText').map((i) => i.text.trim())).toEqual(['PAGE']);
      expect(find(f, 'w:t').map((t) => t.text)).toEqual(['— ', ' —']);
      expect(find(f, 'w:rFonts')[0]!.attrs['w:eastAsia']).toBe('宋体');
    }
  });
});

describe('the styles', () => {
  it('make Normal 3号仿宋 on exact 579 spacing, condensed −5 twips, with widow control off, the role font in every slot, and w:overflowPunct as LibreOffice reads “no hanging”', async () => {
    const styles = (await render()).xml('word/styles.xml');
    const normal = style(styles, 'Normal');
    const rPr = child(normal, 'w:rPr')!;
    // Letters, digits and quotes in the body font too (layout.text.oneFontPerRun).
    expect(child(rPr, 'w:rFonts')!.attrs).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312', 'w:cs': '仿宋_GB2312', 'w:hint': 'eastAsia' });
    expect(child(rPr, 'w:sz')!.attrs['w:val']).toBe('32');
    expect(child(rPr, 'w:spacing')!.attrs['w:val']).toBe(String(derived.bodyCondenseTwip));
    expect(derived.bodyCondenseTwip).toBe(-5);
    const pPr = child(normal, 'w:pPr')!;
    expect(child(pPr, 'w:spacing')!.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(child(pPr, 'w:widowControl')!.attrs['w:val']).toBe('0');
    expect(child(pPr, 'w:overflowPunct')!.attrs['w:val']).toBe('1');
  });

  it('mark the text Chinese and give Word the layout spec\'s 避头尾 lists, so it breaks lines as the PDF does', async () => {
    const { xml } = await render();
    const defaults = find(xml('word/styles.xml'), 'w:rPrDefault')[0]!;
    expect(find(defaults, 'w:lang')[0]!.attrs).toEqual({ 'w:eastAsia': 'zh-CN' });
    const settings = xml('word/settings.xml');
    expect(find(settings, 'w:noLineBreaksBefore')[0]!.attrs).toEqual({ 'w:lang': 'zh-CN', 'w:val': layout.text.noLineStart });
    expect(find(settings, 'w:noLineBreaksAfter')[0]!.attrs).toEqual({ 'w:lang': 'zh-CN', 'w:val': layout.text.noLineEnd });
    // CT_Settings order: the lists come before compat.
    const names = find(settings, 'w:settings')[0]!.children.map((c) => c.name);
    expect(names.indexOf('w:noLineBreaksBefore')).toBeLessThan(names.indexOf('w:compat'));
    expect(names.indexOf('w:evenAndOddHeaders')).toBeLessThan(names.indexOf('w:noLineBreaksAfter'));
  });

  it('map the four heading levels to Word\'s Heading 1–4 with outline levels and the GB fonts', async () => {
    const styles = (await render()).xml('word/styles.xml');
    const expected = { 1: '黑体', 2: '楷体_GB2312', 3: '仿宋_GB2312', 4: '仿宋_GB2312' } as const;
    for (const level of [1, 2, 3, 4] as const) {
      const s = style(styles, `Heading${level}`);
      expect(child(s, 'w:name')!.attrs['w:val']).toBe(`heading ${level}`);
      expect(child(child(s, 'w:pPr'), 'w:outlineLvl')!.attrs['w:val']).toBe(String(level - 1));
      expect(child(child(s, 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe(expected[level]);
      expect(child(child(s, 'w:rPr'), 'w:sz')!.attrs['w:val']).toBe('32');
    }
    const title = style(styles, 'Title');
    expect(child(child(title, 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('方正小标宋简体');
    expect(child(child(title, 'w:rPr'), 'w:sz')!.attrs['w:val']).toBe('44');
    expect(child(child(title, 'w:pPr'), 'w:snapToGrid')!.attrs['w:val']).toBe('0');
  });

  it('use the headings in the document and keep direct formatting to fonts and role changes', async () => {
    const doc = (await render()).xml('word/document.xml');
    const paragraphs = find(doc, 'w:p');
    const styleOf = (p: XmlElement) => child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'];
    const heading1 = paragraphs.find((p) => textOf(p).startsWith('一、'))!;
    expect(styleOf(heading1)).toBe('Heading1');
    expect(styleOf(paragraphs.find((p) => textOf(p).startsWith('（一）坚持'))!)).toBe('Heading2');
    // A body paragraph's run states its fonts but not the size the style already gives.
    const body = paragraphs.find((p) => textOf(p).startsWith('2023年，太平岭乡'))!;
    expect(styleOf(body)).toBe('BodyText');
    expect(find(body, 'w:sz')).toEqual([]);
    // A run-in 楷体 lead in a body paragraph names its own font.
    const lead = paragraphs.find((p) => textOf(p).startsWith('（二）加强组织领导。'))!;
    expect(find(lead, 'w:rFonts').map((f) => f.attrs['w:eastAsia'])).toEqual(['楷体_GB2312', '仿宋_GB2312']);
  });

  it('name a Chinese font in the eastAsia slot and a Latin font on every run', async () => {
    for (const make of [jointSealedDocument, upwardDocument, plainSealedDocument]) {
      const { xml } = await render(make());
      for (const part of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
        for (const run of find(xml(part), 'w:r')) {
          const fonts = child(child(run, 'w:rPr'), 'w:rFonts');
          expect(fonts?.attrs['w:eastAsia'], `${part}: ${textOf(run)}`).toBeTruthy();
          expect(fonts?.attrs['w:ascii'], `${part}: ${textOf(run)}`).toBeTruthy();
          expect(fonts?.attrs['w:hAnsi'], `${part}: ${textOf(run)}`).toBeTruthy();
        }
      }
    }
  });

  it('override the theme fonts with the document\'s own, so no 等线 or Calibri is asked for', async () => {
    const { files } = await render();
    const theme = new TextDecoder().decode(files['word/theme/theme1.xml']);
    const fontScheme = /<a:fontScheme[\s\S]*<\/a:fontScheme>/.exec(theme)![0];
    expect(fontScheme).toMatch(/<a:majorFont><a:latin typeface="黑体"[^>]*\/><a:ea typeface="黑体"/);
    expect(fontScheme).toMatch(/<a:minorFont><a:latin typeface="仿宋_GB2312"[^>]*\/><a:ea typeface="仿宋_GB2312"/);
    expect(fontScheme).toMatch(/<a:font script="Hans" typeface="仿宋_GB2312"\/>/);
    expect(fontScheme).not.toMatch(/等线|Calibri/);
  });

  it('write the font names a style configures', async () => {
    const { xml } = await render(upwardDocument(), { fontNames: { body: '仿宋', heading2: '楷体' } });
    const styles = xml('word/styles.xml');
    expect(child(child(style(styles, 'Normal'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('仿宋');
    expect(child(child(style(styles, 'Heading2'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('楷体');
    const signers = find(xml('word/document.xml'), 'w:r').find((r) => textOf(r) === '王某某　李某某')!;
    expect(find(signers, 'w:rFonts')[0]!.attrs['w:eastAsia']).toBe('楷体');
  });

  it('write a font name with markup characters as text, never as markup', async () => {
    const name = '仿宋"/><w:b/><w:t>x';
    const { xml } = await render(upwardDocument(), { fontNames: { body: name } });
    const styles = xml('word/styles.xml');
    expect(child(child(style(styles, 'Normal'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe(name);
    expect(find(child(style(styles, 'Normal'), 'w:rPr')!, 'w:b')).toEqual([]);
  });
});

describe('the elements', () => {
  const paragraphs = async (doc = jointSealedDocument(), options: Parameters<typeof renderDocx>[1] = {}) => find((await render(doc, options)).xml('word/document.xml'), 'w:p');

  it('set the 版记 in a last section that starts on an even page and keeps the running footers', async () => {
    const body = (await render(upwardDocument())).xml('word/document.xml');
    const sections = find(body, 'w:sectPr');
    expect(sections).toHaveLength(2);
    const last = sections[1]!;
    expect(child(last, 'w:type')!.attrs['w:val']).toBe('evenPage');
    expect(find(last, 'w:footerReference')).toEqual([]);
    // The 版记 table comes after the break, and nothing but it and its anchor paragraphs does.
    const top = child(body, 'w:body')!.children.filter((c): c is XmlElement => typeof c !== 'string');
    const breakAt = top.findIndex((c) => find(c, 'w:sectPr').length > 0);
    const after = top.slice(breakAt + 1);
    expect(after.filter((c) => c.name === 'w:tbl')).toHaveLength(1);
    expect(after.filter((c) => c.name === 'w:p').map(textOf)).toEqual(['', '']);
    // Without a 版记 there is one section.
    const plain = (await render(plainSealedDocument())).xml('word/document.xml');
    expect(find(plain, 'w:sectPr')).toHaveLength(1);
  });

  it('split the last body paragraph before its last line, which goes with the signature', async () => {
    const ps = await paragraphs(plainSealedDocument());
    const organ = ps.findLastIndex((p) => textOf(p) === '汉中市南郑区法镇人民政府');
    const [head, tail] = [ps[organ - 2]!, ps[organ - 1]!];
    expect(child(child(head, 'w:pPr'), 'w:jc')!.attrs['w:val']).toBe('distribute');
    expect(child(child(tail, 'w:pPr'), 'w:keepNext')).toBeDefined();
    expect(child(child(tail, 'w:pPr'), 'w:ind')!.attrs['w:firstLine']).toBe('0');
    const whole = plainSealedDocument().body.at(-1)!;
    expect(textOf(head) + textOf(tail)).toBe(whole.kind === 'paragraph' ? whole.runs.map((r) => r.text).join('') : '');
    expect(textOf(tail).length).toBeLessThanOrEqual(layout.grid.charsPerLine);
  });

  it('split it where the PDF of the same document breaks it, when told (lastBodyLineStart)', async () => {
    const whole = plainSealedDocument().body.at(-1)!;
    const text = whole.kind === 'paragraph' ? whole.runs.map((r) => r.text).join('') : '';
    const at = text.length - 5;
    const ps = await paragraphs(plainSealedDocument(), { lastBodyLineStart: at });
    const organ = ps.findLastIndex((p) => textOf(p) === '汉中市南郑区法镇人民政府');
    expect([textOf(ps[organ - 2]!), textOf(ps[organ - 1]!)]).toEqual([text.slice(0, at), text.slice(at)]);
    // An offset outside the text is not trusted: the estimate stands.
    const estimated = await paragraphs(plainSealedDocument());
    const wrong = await paragraphs(plainSealedDocument(), { lastBodyLineStart: text.length + 3 });
    expect(wrong.map(textOf)).toEqual(estimated.map(textOf));
  });

  it('draw the red rule under the 发文字号 as a paragraph border, and put 签发人 right for a 上行文', async () => {
    const ps = await paragraphs(upwardDocument());
    const first = ps.find((p) => textOf(p).startsWith('签发人：'))!;
    const number = ps.find((p) => textOf(p).includes('太政发〔2024〕3号'))!;
    // Two names to a line (7.2.6); the 发文字号 on the last line, which carries the red rule.
    expect(textOf(first)).toBe('签发人：王某某　李某某');
    expect(textOf(number)).toBe('太政发〔2024〕3号张某某');
    expect(find(first, 'w:pBdr')).toEqual([]);
    const bottom = find(number, 'w:bottom')[0]!;
    expect(bottom.attrs).toMatchObject({ 'w:val': 'single', 'w:color': layout.red, 'w:sz': String(layout.header.ruleThicknessPt * 8) });
    const tabs = (p: XmlElement) => find(p, 'w:tab').filter((t) => t.attrs['w:pos']).map((t) => Number(t.attrs['w:pos']));
    const char = 8844 / 28;
    // The label stands so that the two names end one character before the block's right edge;
    // the continuation line starts where the first name does.
    expect(tabs(first)).toHaveLength(1);
    expect(Math.abs(tabs(first)[0]! - (8844 - char - 11 * char))).toBeLessThan(2);
    expect(tabs(number)[0]).toBe(316);
    expect(Math.abs(tabs(number)[1]! - (tabs(first)[0]! + 4 * char))).toBeLessThan(2);
  });

  it('float each seal, 42 mm across, over its own 署名, and float the 版记 to the foot of the block', async () => {
    const { xml } = await render();
    const doc = xml('word/document.xml');
    const anchors = find(doc, 'wp:anchor');
    expect(anchors).toHaveLength(2);
    for (const a of anchors) {
      const extent = child(a, 'wp:extent')!.attrs;
      expect(Math.abs(Number(extent.cx) - 42 * 36_000)).toBeLessThan(36_000 / 2);
      expect(child(a, 'wp:positionV')!.attrs.relativeFrom).toBe('paragraph');
    }
    expect(new Set(find(doc, 'wp:docPr').map((d) => d.attrs.id)).size).toBe(2);
    const tables = find(doc, 'w:tbl');
    const endMatter = tables[tables.length - 1]!;
    expect(textOf(endMatter)).toBe('抄送：县委依法治县办，县司法局。交口乡党政综合办公室2022年1月9日印发');
    const rows = find(endMatter, 'w:tr').length;
    expect(find(endMatter, 'w:tblpPr')[0]!.attrs['w:tblpY']).toBe(String(mmToTwip(225) - rows * 579));
    const borders = find(endMatter, 'w:tblBorders')[0]!;
    expect(child(borders, 'w:top')!.attrs['w:sz']).toBe('8'); // 0.35 mm ≈ 1 pt
    expect(child(borders, 'w:insideH')!.attrs['w:sz']).toBe('6'); // 0.25 mm ≈ 0.75 pt
  });

  it('set 份号, 密级 and 紧急程度 flush left on the first lines, 密级 and 紧急程度 in 黑体', async () => {
    const ps = await paragraphs(upwardDocument());
    expect(ps.slice(0, 3).map(textOf)).toEqual(['000001', '机密★1年', '特急']);
    expect(ps.slice(0, 3).map((p) => find(p, 'w:rFonts')[0]!.attrs['w:eastAsia'])).toEqual(['仿宋_GB2312', '黑体', '黑体']);
    // The 发文机关标志 still starts 35 mm below the block's top: its space before is what the three lines leave.
    const mark = ps[3]!;
    expect(Number(find(mark, 'w:spacing')[0]!.attrs['w:before']) + 3 * 579).toBe(mmToTwip(35));
  });

  it('print report text literally, markup and all', async () => {
    const doc = plainSealedDocument();
    doc.body = [{ kind: 'paragraph', runs: [{ text: '<w:p>&amp; "引号" {{x}} </w:t>' }] }];
    const { xml } = await render(doc);
    const body = find(xml('word/document.xml'), 'w:p').find((p) => textOf(p).includes('{{x}}'))!;
    expect(textOf(body)).toBe('<w:p>&amp; "引号" {{x}} </w:t>');
  });

  it('start every attachment on a new page', async () => {
    const labels = (await paragraphs()).filter((p) => /^附件\d$/.test(textOf(p)));
    expect(labels).toHaveLength(2);
    for (const p of labels) expect(find(p, 'w:pageBreakBefore')).toHaveLength(1);
  });

  it('report a seal image that is neither PNG nor JPEG', async () => {
    const doc = plainSealedDocument();
    doc.signature!.seals[0]!.image = new TextEncoder().encode('<svg/>');
    const { diagnostics } = await render(doc);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'render-docx/seal-format' })]);
    expect(diagnostics[0]!.message).toBe('“汉中市南郑区法镇人民政府”的印章图片不是 PNG 或 JPEG，无法放入 DOCX。');
    const english = await render(doc, { lang: 'en' });
    expect(english.diagnostics[0]!.message).toMatch(/is neither PNG nor JPEG/);
  });
});

describe('the bytes', () => {
  it('are the same for the same document, whatever was rendered before', async () => {
    const a = (await render()).docx;
    await render(upwardDocument());
    await new Promise((r) => setTimeout(r, 1100)); // past a zip timestamp's 2-second resolution boundary
    const b = (await render()).docx;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('carry the title, the issuing organ and the date written as core properties', async () => {
    const core = (await render()).xml('docProps/core.xml');
    expect(find(core, 'dc:title')[0]!.text).toBe('关于2021年法治政府建设情况的报告');
    expect(find(core, 'dc:creator')[0]!.text).toBe('中共交口乡委员会 交口乡人民政府');
    expect(find(core, 'dcterms:created')[0]!.text).toBe('2022-01-09T00:00:00Z');
    const undated = (await render(plainSealedDocument())).xml('docProps/core.xml');
    expect(find(undated, 'dcterms:created')).toEqual([]);
  });
});

describe('embedded fonts', () => {
  // One real font file, as `@gongwen/fonts` would resolve it; a TTC is refused with a warning.
  const fontBytes = async () => {
    const { resolveFonts } = await import('@gongwen/fonts');
    return resolveFonts().fonts.body.find((f) => !f.face)!;
  };

  it('embed the resolved file under the DOCX font name, obfuscated with a key derived from it, and say how big the file got', async () => {
    const body = await fontBytes();
    const first = await render(upwardDocument(), { embedFonts: { body: [body] } });
    const table = first.xml('word/fontTable.xml');
    const font = find(table, 'w:font').find((f) => f.attrs['w:name'] === '仿宋_GB2312')!;
    const embed = child(font, 'w:embedRegular')!;
    const key = embed.attrs['w:fontKey']!.replace(/[{}-]/g, '');
    const target = find(first.xml('word/_rels/fontTable.xml.rels'), 'Relationship').find((r) => r.attrs.Id === embed.attrs['r:id'])!.attrs.Target!;
    const odttf = first.files[`word/${target}`]!;
    // De-obfuscate: XOR the first 32 bytes with the key's bytes in reverse order.
    const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(key.slice(i * 2, i * 2 + 2), 16)).reverse();
    const restored = odttf.slice();
    for (let i = 0; i < 32; i++) restored[i] = restored[i]! ^ keyBytes[i % 16]!;
    expect(Buffer.from(restored).equals(Buffer.from(body.bytes))).toBe(true);
    expect(find(first.xml('word/settings.xml'), 'w:embedTrueTypeFonts')).toHaveLength(1);
    expect(first.docx.length).toBeGreaterThan(body.bytes.length / 3);
    expect(first.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', ruleId: 'render-docx/embedded-fonts', message: expect.stringMatching(/仿宋_GB2312.*MB/) }),
    ]);
    const again = await render(upwardDocument(), { embedFonts: { body: [body] } });
    expect(Buffer.from(again.docx).equals(Buffer.from(first.docx))).toBe(true);
  });

  it('embed a file serving two roles once, and refuse a TrueType collection with a warning', async () => {
    const body = await fontBytes();
    const ttc = { family: 'Noto Serif CJK SC', bytes: new Uint8Array([0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0]) };
    const { xml, diagnostics } = await render(upwardDocument(), { embedFonts: { body: [body], pageNumber: [body], heading1: [ttc] } });
    const embedded = find(xml('word/fontTable.xml'), 'w:embedRegular');
    expect(embedded).toHaveLength(1);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['render-docx/embed-collection', 'render-docx/embedded-fonts']);
  });
});

describe('the line below the title', () => {
  const paragraphTexts = async (doc: ReturnType<typeof plainSealedDocument>) =>
    find((await render(doc)).xml('word/document.xml'), 'w:p').map(textOf);

  it('is blank before the body when there is no 主送机关, as in the PDF', async () => {
    const doc = { ...plainSealedDocument(), addressee: undefined };
    const texts = await paragraphTexts(doc);
    const title = texts.indexOf(doc.title[doc.title.length - 1]!);
    expect(texts[title + 1]).toBe('');
    expect(texts[title + 2]).not.toBe('');
  });

  it('is the 主送机关\'s blank line otherwise, with no extra empty paragraph', async () => {
    const doc = { ...plainSealedDocument(), addressee: '县人民政府：' };
    const texts = await paragraphTexts(doc);
    expect(texts[texts.indexOf(doc.title[doc.title.length - 1]!) + 1]).toBe('县人民政府：');
  });
});
