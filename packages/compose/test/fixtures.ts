import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport, type Report } from '@gongwen/schema';
import { readStyleFiles as readStyleFolder } from '@gongwen/templates';
import { loadStyle, type Style } from '../src/index.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const stylesDir = join(repoRoot, 'templates');
export const examplesDir = join(repoRoot, 'examples');

/** What the CLI does for a style: every file of its folder, by relative path. */
export const readStyleFiles = (name: string): Record<string, string> => readStyleFolder(join(stylesDir, name));

export const styleNames = readdirSync(stylesDir).filter((d) => !d.startsWith('.') && d !== 'node_modules' && statSync(join(stylesDir, d)).isDirectory());

export function style(name: string): Style {
  const { style, diagnostics } = loadStyle(readStyleFiles(name), { name });
  if (!style) throw new Error(`style ${name} does not load: ${JSON.stringify(diagnostics, null, 1)}`);
  return style;
}

export function example(file: string): Report {
  const { report, diagnostics } = loadReport(readFileSync(join(examplesDir, file), 'utf8'), { filename: file });
  if (!report) throw new Error(`example ${file} is invalid: ${JSON.stringify(diagnostics, null, 1)}`);
  return report;
}

/** A small report of our own, independent of the seed transcriptions. */
export const smallReport: Report = {
  style: 'national',
  year: 2021,
  issuers: [{ name: '中共甲乡委员会' }, { name: '甲乡人民政府' }],
  documentNumber: '甲发〔2022〕3号',
  addressee: '乙县人民政府',
  preamble: ['现将有关情况报告如下:'],
  parts: [
    {
      kind: 'measures',
      body: [
        '一年来,我乡扎实推进法治政府建设。',
        { heading: '加强组织领导', body: [{ lead: '健全机构。', text: '成立领导小组。' }, { lead: '压实责任。', text: '签订责任书。' }] },
        { heading: '推进依法行政', numbering: 'ordinal', body: [{ lead: '规范执法。', text: '全面推行三项制度。' }] },
      ],
    },
    { kind: 'shortcomings', numbering: 'ordinal', body: [{ text: '学法不够深入。' }, { text: '宣传形式单一。' }] },
    { kind: 'leadership', body: ['主要负责人带头学法。'] },
    { kind: 'plans', body: [{ lead: '加强学习。', text: '开展培训。' }] },
  ],
  closing: ['特此报告。'],
  signature: { date: '2022-01-09' },
  notes: ['此件公开发布'],
  copyTo: ['乙县司法局', '乙县依法治县办'],
  printing: { organ: '甲乡党政办公室', date: '2022-01-10' },
};
