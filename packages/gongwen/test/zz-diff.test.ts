import { render } from 'gongwen';
import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { readZip, writeZip } from '@gongwen/zip';
const LANG = process.env.PAIR_LANG;
function relang(docx: Uint8Array): Uint8Array {
  if (!LANG) return docx;
  const files = readZip(docx);
  let xml = new TextDecoder().decode(files.get('word/document.xml')!);
  xml = xml.split('</w:r>').map((piece) => {
    const m = /^(.*)<w:r>(?:<w:rPr>(.*)<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t>$/su.exec(piece);
    if (!m || !/……|——/u.test(m[3]!)) return piece;
    const [, head, rpr = '', text] = m;
    return head + text!.split(/(……|——)/u).filter(Boolean).map((t) => `<w:r><w:rPr>${rpr}${/^(……|——)$/u.test(t) ? `<w:lang w:eastAsia="${LANG}"/>` : ''}</w:rPr><w:t xml:space="preserve">${t}</w:t>`).join('</w:r>');
  }).join('</w:r>');
  files.set('word/document.xml', new TextEncoder().encode(xml));
  return writeZip(files);
}
import { docxToPdfs, findSoffice } from '../../render-docx/test/libreoffice.js';
import { compareLines, readBack } from './line-agreement.js';
import { randomReports } from './random-reports.js';

it('diffs', async () => {
  const soffice = findSoffice()!;
  const reports = randomReports(Number(process.env.N ?? 40));
  const out: string[] = [];
  for (let i = 0; i < reports.length; i += 20) {
    const group = reports.slice(i, i + 20);
    const rendered = [];
    for (const [name, report] of group) {
      const r = await render(JSON.stringify(report), { filename: `${name}.yaml`, formats: ['pdf', 'docx'] });
      rendered.push({ name, pdf: r.outputs.pdf!, docx: relang(r.outputs.docx!) });
    }
    const conv = await docxToPdfs(soffice, rendered.map((r) => [r.name, r.docx] as const));
    for (const [k, r] of rendered.entries()) {
      const [a, b] = [await readBack(r.pdf), await readBack(conv[k]!)];
      const c = compareLines(a.lines, b.lines, r.name);
      if (c.same < c.lines || c.samePage < c.lines) { out.push(`## ${r.name} ${c.same}/${c.lines} samePage ${c.samePage}`, ...c.differences.slice(0, 6)); writeFileSync(`/tmp/agree/${r.name}.pdf`, r.pdf); writeFileSync(`/tmp/agree/${r.name}.lo.pdf`, conv[k]!); writeFileSync(`/tmp/agree/${r.name}.docx`, r.docx); writeFileSync(`/tmp/agree/${r.name}.json`, JSON.stringify(report(group,k))); }
    }
  }
  writeFileSync('/tmp/agree/diffs.txt', out.join('\n'));
}, 3_600_000);
function report(g: any[], k: number) { return g[k][1]; }
