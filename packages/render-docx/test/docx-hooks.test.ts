import { Document, Footer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, XmlComponent, NextAttributeComponent } from 'docx';
import { describe, expect, it } from 'vitest';
import { packageParts } from '../src/docx-package.js';
import { docxOwn, installDocxHooks } from '../src/docx-hooks.js';
import type { Part } from '../src/reused-parts.js';

const sample = () =>
  new Document({
    creator: '某某镇人民政府',
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: '关于2024年度法治政府建设情况的报告', bold: true, font: { eastAsia: '方正小标宋简体' } })] }),
          new Paragraph({ style: 'BodyText', indent: { firstLine: 640 }, children: [new TextRun('正文。'), new TextRun({ text: '“引号”', characterSpacing: -5 })] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('甲')] }), new TableCell({ children: [new Paragraph('乙')] })] })] }),
        ],
      },
    ],
  });

const decoded = (parts: Map<string, Part>) => Object.fromEntries([...parts].map(([path, part]) => [path, typeof part === 'string' ? part : new TextDecoder().decode(part instanceof Uint8Array ? part : part.data)]));

describe('the loops in place of docx’s methods', () => {
  it('give the XML docx’s own give, part for part', () => {
    installDocxHooks();
    const ours = decoded(packageParts(sample()));
    const mine = { element: XmlComponent.prototype.prepForXml, attributes: NextAttributeComponent.prototype.prepForXml };
    XmlComponent.prototype.prepForXml = docxOwn.elementPrepForXml;
    NextAttributeComponent.prototype.prepForXml = docxOwn.attributesPrepForXml;
    try {
      const theirs = decoded(packageParts(sample()));
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      for (const path of Object.keys(theirs)) {
        // The core properties carry the clock; everything else must match byte for byte.
        if (path === 'docProps/core.xml') continue;
        expect(ours[path], path).toBe(theirs[path]);
      }
    } finally {
      XmlComponent.prototype.prepForXml = mine.element;
      NextAttributeComponent.prototype.prepForXml = mine.attributes;
    }
  });

  it('are in place once renderDocx has run', () => {
    installDocxHooks();
    expect(XmlComponent.prototype.prepForXml).not.toBe(docxOwn.elementPrepForXml);
    expect(NextAttributeComponent.prototype.prepForXml).not.toBe(docxOwn.attributesPrepForXml);
  });
});
