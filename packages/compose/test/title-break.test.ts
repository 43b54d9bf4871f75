import { renderText } from '@gongwen/render-text';
import type { Report } from '@gongwen/schema';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/index.js';
import { example, smallReport, style } from './fixtures.js';

describe('titles break where the Document is made (GB/T 9704 7.3.1)', () => {
  it('the Guangdong example reads as a typist writes it: the organ, then the year and subject', () => {
    const doc = composeDocument(example('guangdong-suixi-wutang-2021.yaml'), style('guangdong')).document!;
    expect(doc.title).toEqual(['遂溪县乌塘镇人民政府', '2021年法治政府建设年度报告']);
    expect(doc.meta.title).toBe('遂溪县乌塘镇人民政府2021年法治政府建设年度报告');
    // Plain text shows the same lines the PDF and DOCX print.
    const text = renderText(doc).split('\n').map((l) => l.trim());
    expect(text).toContain('遂溪县乌塘镇人民政府');
    expect(text).toContain('2021年法治政府建设年度报告');
  });

  it('the title lines a report gives are kept as written', () => {
    const doc = composeDocument({ ...smallReport, title: ['甲乡人民政府关于2021年度', '法治政府建设情况的报告'] }, style('national')).document!;
    expect(doc.title).toEqual(['甲乡人民政府关于2021年度', '法治政府建设情况的报告']);
  });

  it('default titles of joint issuers are never one over-long line', () => {
    const jiedao = example('guangdong-jiedao-2022.yaml');
    const { title: _t, ...untitled } = jiedao;
    expect(composeDocument(untitled as Report, style('guangdong-jiedao')).document!.title).toEqual([
      '中共榕湾区临江街道工作委员会',
      '榕湾区临江街道办事处',
      '2022年法治政府建设情况报告',
    ]);
    expect(composeDocument(smallReport, style('ningxia')).document!.title).toEqual(['中共甲乡委员会 甲乡人民政府', '2021年度法治政府建设工作报告']);
  });

  it('a long county-department name stays whole on its line', () => {
    const report: Report = { ...smallReport, style: 'shaanxi-department', issuers: [{ name: '中共秦川县委全面依法治县委员会办公室' }] };
    expect(composeDocument(report, style('shaanxi-department')).document!.title).toEqual(['中共秦川县委全面依法治县委员会办公室', '关于2021年度法治政府建设工作情况的报告']);
    expect(composeDocument(report, style('national')).document!.title).toEqual(['中共秦川县委全面依法治县委员会办公室', '关于2021年度法治政府建设情况的报告']);
  });
});
