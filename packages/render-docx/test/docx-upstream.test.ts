import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Footer, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { sealPng } from '@gongwen/test-kit/seal-png';
import { describe, expect, it } from 'vitest';
import { normalizePackage, packageParts } from '../src/docx-package.js';

// renderDocx takes the parts docx's compiler writes (Packer's own compiler, which Packer.pack
// zips) instead of unzipping what Packer.pack zipped: checked against this version of docx. An
// upgrade that renames the compiler or changes what it hands Packer.pack fails here.
const checkedAgainst = { docx: '9.15.2' };

// docx's exports name no package.json: read it from the package folder.
const installed = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node_modules', 'docx', 'package.json'), 'utf8')) as { version: string }).version;

const seal = sealPng();
const sample = () =>
  new Document({
    creator: '某某镇人民政府',
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: '关于2024年度法治政府建设情况的报告', bold: true })] }),
          // Text docx escapes, a control character it drops, braces that are no placeholder.
          new Paragraph({ children: [new TextRun('正文 & <“引号”> \'单\' "双" \u0001 {括号}。')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('甲')] }), new TableCell({ children: [] })] })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: seal, transformation: { width: 100, height: 100 } })] }),
        ],
      },
    ],
  });

describe(`docx ${checkedAgainst.docx}, as renderDocx's use of its compiler was checked against`, () => {
  it('is the installed version', () => {
    expect(installed).toBe(checkedAgainst.docx);
  });

  it("gives the parts Packer.pack zips: the same package once normalized", async () => {
    const parts = packageParts(sample());
    expect([...parts.keys()]).toContain('word/document.xml');
    expect(parts.get('word/document.xml')).toContain('关于2024年度法治政府建设情况的报告');
    const packed = (await Packer.pack(sample(), 'uint8array')) as Uint8Array;
    const options = { created: '2025-01-15' };
    expect(Buffer.from(normalizePackage(parts, options)).equals(Buffer.from(normalizePackage(packed, options)))).toBe(true);
  });
});
