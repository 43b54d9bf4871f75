import { describe, expect, it } from 'vitest';
import { checkGlyphs, documentTexts, fontForChar, isFontSet, resolveFonts } from '../src/index.js';
import { documentWith, roboto } from './helpers.js';

const bundledOnly = resolveFonts({ systemDirs: [], env: {} }).fonts;

describe('checkGlyphs', () => {
  it('passes a document whose every character its fonts can draw', () => {
    const result = checkGlyphs(documentWith('镇政府坚持依法行政，化解纠纷67件（其中土地纠纷2件）。'), bundledOnly);
    expect(result).toEqual({ issues: [], diagnostics: [] });
  });

  it('draws a character the role font lacks with the next font in the chain', () => {
    const fonts = resolveFonts({ systemDirs: [], env: {}, files: { body: roboto } }).fonts;
    const { issues, diagnostics } = checkGlyphs(documentWith('Law 法治'), fonts);
    expect(diagnostics).toEqual([]);
    expect(issues.map((i) => [i.char, i.role, i.fallback?.postscriptName])).toEqual([
      ['法', 'body', 'NotoSerifSC-Regular'],
      ['治', 'body', 'NotoSerifSC-Regular'],
    ]);
    expect(fontForChar(fonts, 'body', 'L')!.family).toBe('Roboto');
    expect(fontForChar(fonts, 'body', '法')!.postscriptName).toBe('NotoSerifSC-Regular');
  });

  it('reports a character no font has, with its role, code point, context and document path', () => {
    // U+2A6A5 (CJK Extension B) is in none of the bundled fonts
    const doc = documentWith('调解员张𪚥同志化解纠纷。', '𪚥村工作');
    const { issues, diagnostics } = checkGlyphs(doc, bundledOnly);
    expect(issues.map((i) => [i.char, i.role, i.path, i.fallback])).toEqual([
      ['𪚥', 'heading1', 'body[0].text', undefined],
      ['𪚥', 'body', 'body[1].runs[0]', undefined],
    ]);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[1]).toMatchObject({ severity: 'error', ruleId: 'render/missing-glyph', path: 'body[1].runs[0]' });
    expect(diagnostics[1]!.message).toContain('“𪚥”');
    expect(diagnostics[1]!.message).toContain('U+2A6A5');
    expect(diagnostics[1]!.message).toContain('调解员张𪚥同志');
    expect(checkGlyphs(doc, bundledOnly, { lang: 'en' }).diagnostics[0]!.message).toMatch(/no font can draw “𪚥” \(U\+2A6A5\) in the level-1 heading/);
  });

  it('puts a missing character where its node came from: the character itself in a verbatim value', () => {
    const doc = {
      ...documentWith('调解员张𪚥同志化解纠纷。', '标题'),
      origins: {
        'body[1].runs[0]': [
          { file: 'document.hbs', line: 9 },
          { file: 'r.yaml', line: 12, column: 9, path: 'parts[0].body[0]', at: 0, length: 12, verbatim: true },
        ],
      },
    };
    const [d] = checkGlyphs(doc, bundledOnly).diagnostics;
    expect(d).toMatchObject({ file: 'r.yaml', line: 12, column: 9 + 4, endLine: 12, endColumn: 9 + 4 + 2, path: 'parts[0].body[0]' });
    expect(d!.hint).toMatch(/fonts-hanazono/);
    // Not verbatim (a folded or cleaned value): the value's own position.
    const folded = { ...doc, origins: { 'body[1].runs[0]': [{ file: 'r.yaml', line: 12, column: 9, path: 'parts[0].body[0]', at: 0, length: 12 }] } };
    expect(checkGlyphs(folded, bundledOnly).diagnostics[0]).toMatchObject({ line: 12, column: 9, path: 'parts[0].body[0]' });
    // Text the template wrote: its template line.
    const templated = { ...doc, origins: { 'body[1].runs[0]': [{ file: 'document.hbs', line: 9 }] } };
    expect(checkGlyphs(templated, bundledOnly).diagnostics[0]).toMatchObject({ file: 'document.hbs', line: 9, path: 'body[1].runs[0]' });
  });

  it('walks every element of the document with its role', () => {
    const doc = {
      ...documentWith('正文'),
      header: { organs: ['中共某某乡委员会', '某某乡人民政府'], suffix: '文件', documentNumber: '某发〔2022〕8号', signers: ['张三'], secrecy: '机密★1年' },
      signature: { organs: ['某某乡人民政府'], date: '2022年1月9日', seals: [] },
      endMatter: { copyTo: '抄送：县司法局。', printer: '某某乡党政办公室', printDate: '2022年1月9日印发' },
    };
    const roles = Object.fromEntries(documentTexts(doc).map((t) => [t.path, t.role]));
    expect(roles).toMatchObject({
      'header.organs[1]': 'organMark',
      'header.suffix': 'organMark',
      'header.secrecy': 'heading1',
      'header.signers[0]': 'heading2',
      'title[0]': 'title',
      'body[0].text': 'heading1',
      'signature.date': 'body',
      'endMatter.printDate': 'body',
      pageNumber: 'pageNumber',
    });
  });
});

describe('isFontSet', () => {
  it('knows a font set from what a caller might pass instead', () => {
    const { fonts } = resolveFonts({ files: { body: roboto }, systemDirs: [] });
    expect(isFontSet(fonts)).toBe(true);
    const { body: _body, ...noBody } = fonts;
    for (const other of [undefined, null, [], {}, noBody, { ...fonts, body: [{ id: 'x' }] }, { ...fonts, title: 'Roboto' }]) expect(isFontSet(other)).toBe(false);
  });
});
