import { describe, expect, it } from 'vitest';
import { decodeEntities, parseMarkup } from '../src/markup.js';
import { sourceMark } from '../src/source-marks.js';
import { toDocument } from '../src/to-document.js';

const files = ['document.hbs', 'partials/blocks.hbs'];

function parse(markup: string) {
  return parseMarkup(markup, files);
}

describe('parseMarkup', () => {
  it('turns the markup into the Document elements', () => {
    const { root, diagnostics } = parse(`<document>
      <header><organ>甲乡人民政府</organ><suffix>文件</suffix><doc-number>甲发〔2022〕1号</doc-number></header>
      <title-line>关于2021年度法治政府建设情况的报告</title-line>
      <addressee>乙县人民政府</addressee>
      <h level="1" marker="一、">主要举措</h>
      <p><run role="heading2">（一）加强领导。</run>成立小组。</p>
      <signature><organ>甲乡人民政府</organ><date>2022年1月9日</date></signature>
      <note>此件公开发布</note>
      <copy-to>抄送：乙县司法局。</copy-to>
    </document>`);
    expect(diagnostics).toEqual([]);
    const { origins, ...document } = toDocument(root!);
    // Text a template wrote carries the template line that printed it.
    expect(origins!['title[0]']).toEqual([{ file: 'document.hbs', line: 1 }]);
    expect(document).toEqual({
      header: { organs: ['甲乡人民政府'], suffix: '文件', documentNumber: '甲发〔2022〕1号' },
      title: ['关于2021年度法治政府建设情况的报告'],
      addressee: '乙县人民政府：',
      body: [
        { kind: 'heading', level: 1, marker: '一、', text: '主要举措' },
        { kind: 'paragraph', runs: [{ text: '（一）加强领导。', role: 'heading2' }, { text: '成立小组。' }] },
      ],
      signature: { organs: ['甲乡人民政府'], date: '2022年1月9日', seals: [] },
      notes: ['（此件公开发布）'],
      endMatter: { copyTo: '抄送：乙县司法局。' },
    });
  });

  it('drops line breaks with their indentation but keeps spaces within a line', () => {
    const { root } = parse('<document><p>\n   第一句，\n   第二句 A B。\n</p></document>');
    expect(toDocument(root!).body).toEqual([{ kind: 'paragraph', runs: [{ text: '第一句，第二句 A B。' }] }]);
  });

  it('decodes escaped data back to the characters written', () => {
    const { root } = parse('<document><p>&lt;p&gt; &amp;amp; &quot;{{x}}&#x27;&#x60;&#x3D;</p></document>');
    expect(toDocument(root!).body).toEqual([{ kind: 'paragraph', runs: [{ text: '<p> &amp; "{{x}}\'`=' }] }]);
    expect(decodeEntities('&unknown; &#20013;')).toBe('&unknown; 中');
  });

  it('reports each problem at the template line that printed it', () => {
    const markup = `${sourceMark(0, 1)}<document>\n${sourceMark(1, 4)}<p>text</h>\n${sourceMark(1, 5)}stray<x/>\n${sourceMark(0, 9)}</document>`;
    const { diagnostics } = parse(markup);
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['template/mismatched-tag', 'partials/blocks.hbs', 4],
      ['template/unknown-tag', 'partials/blocks.hbs', 5],
      ['template/mismatched-tag', 'document.hbs', 9],
    ]);
    expect(diagnostics[0]!.message).toBe('结束标记 </h> 与 <p>（partials/blocks.hbs:4）不匹配');
  });

  it('refuses text outside a text element, and a second document', () => {
    expect(parse('<document>loose</document>').diagnostics[0]).toMatchObject({ ruleId: 'template/stray-text' });
    expect(parse('<document></document><document></document>').diagnostics[0]).toMatchObject({ ruleId: 'template/no-document' });
    expect(parse('').diagnostics[0]).toMatchObject({ ruleId: 'template/no-document' });
  });

  it('checks attributes against the element', () => {
    const { diagnostics } = parse('<document><h level="7" marker="一、">x</h><p size="3">y</p></document>');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['template/bad-attribute', 'template/bad-attribute']);
    expect(diagnostics[0]!.message).toContain('level="7"');
  });
});
