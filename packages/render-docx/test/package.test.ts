import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.js';
import { jointSealedDocument, plainSealedDocument, upwardDocument } from './fixtures.js';
import { checkAllowlist } from './ooxml-allowlist.js';
import { seedDocuments } from './seed-examples.js';
import { find, parseXml } from '@gongwen/test-kit/xml';

const fixtures: Record<string, () => Parameters<typeof renderDocx>[0]> = {
  jointSealedDocument,
  upwardDocument,
  plainSealedDocument,
  ...Object.fromEntries(seedDocuments().map(([file, doc]) => [file, () => doc])),
};

async function parts(make: () => Parameters<typeof renderDocx>[0]) {
  const { docx, diagnostics } = await renderDocx(make());
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return unzipSync(docx);
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe.each(Object.entries(fixtures))('the DOCX package of %s', (_, make) => {
  it('holds only well-formed XML parts', async () => {
    const files = await parts(make);
    const xmlParts = Object.keys(files).filter((p) => /\.(xml|rels)$/.test(p));
    expect(xmlParts).toContain('word/document.xml');
    for (const path of xmlParts) expect(() => parseXml(decode(files[path]!), path), path).not.toThrow();
  });

  it('declares a content type for every part', async () => {
    const files = await parts(make);
    const types = parseXml(decode(files['[Content_Types].xml']!));
    const defaults = new Set(find(types, 'Default').map((d) => d.attrs.Extension!.toLowerCase()));
    const overrides = new Set(find(types, 'Override').map((o) => o.attrs.PartName!));
    for (const path of Object.keys(files)) {
      if (path === '[Content_Types].xml') continue;
      const extension = path.split('.').pop()!.toLowerCase();
      expect(overrides.has(`/${path}`) || defaults.has(extension), `${path} has no content type`).toBe(true);
    }
    // And every override names a part that exists.
    for (const name of overrides) expect(files[name.slice(1)], `override for missing ${name}`).toBeDefined();
  });

  it('points every relationship at a part in the package', async () => {
    const files = await parts(make);
    for (const rels of Object.keys(files).filter((p) => p.endsWith('.rels'))) {
      const base = rels.replace(/_rels\/[^/]*\.rels$/, '');
      for (const r of find(parseXml(decode(files[rels]!)), 'Relationship')) {
        if (r.attrs.TargetMode === 'External') continue;
        const target = r.attrs.Target!.startsWith('/') ? r.attrs.Target!.slice(1) : base + r.attrs.Target!;
        expect(files[target], `${rels} → ${target}`).toBeDefined();
      }
    }
  });

  it('writes document.xml and the footers within the element allowlist', async () => {
    const files = await parts(make);
    for (const path of Object.keys(files).filter((p) => /^word\/(document|footer\d+)\.xml$/.test(p))) {
      expect(checkAllowlist(parseXml(decode(files[path]!), path)), path).toEqual([]);
    }
  });
});

describe('the checks themselves', () => {
  it('reject malformed XML', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x=1/>')).toThrow(/malformed attributes/);
    expect(() => parseXml('<a>R&D</a>')).toThrow(/bare '&'/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
  });

  it('report children out of schema order, unknown attributes and bad values', () => {
    const xml =
      '<w:document><w:body><w:p><w:pPr><w:jc w:val="middle"/><w:spacing w:line="579" w:lineRule="exactly"/></w:pPr>' +
      '<w:r><w:t w:bogus="1">x</w:t></w:r></w:p></w:body></w:document>';
    expect(checkAllowlist(parseXml(xml))).toEqual([
      'w:p>w:pPr: child w:spacing out of schema order',
      'w:pPr>w:jc: w:val="middle" is not left|center|right|both|distribute|start|end',
      'w:pPr>w:spacing: w:lineRule="exactly" is not auto|exact|atLeast',
      'w:r>w:t: attribute w:bogus not allowed',
    ]);
  });
});

describe('edge documents still make valid packages', () => {
  const base = () => plainSealedDocument();
  const cases: Record<string, () => Parameters<typeof renderDocx>[0]> = {
    'no title, no body': () => ({ meta: { title: '', author: '' }, title: [], body: [] }),
    'a header without 发文字号': () => ({ ...base(), header: { organs: ['某镇人民政府'], suffix: '文件' } }),
    'a header without organs': () => ({ ...base(), header: { organs: [], suffix: '', documentNumber: '某发〔2024〕1号' } }),
    'a signature without organs': () => ({ ...base(), signature: { organs: [], date: '2024年1月1日', seals: [] } }),
    'a sealed signature whose seal names no organ': () => ({
      ...base(),
      signature: { organs: ['甲镇人民政府', '乙镇人民政府'], date: '2024年1月1日', seals: [{ organ: '丙', image: base().signature!.seals[0]!.image }] },
    }),
    'an empty 版记': () => ({ ...base(), endMatter: {} }),
    'four joint organs with 文件': () => ({ ...base(), header: { organs: ['甲', '乙', '丙', '丁'], suffix: '文件', documentNumber: '甲发〔2024〕1号' } }),
  };
  it.each(Object.entries(cases))('%s', async (_, make) => {
    const { docx } = await renderDocx(make());
    const files = unzipSync(docx);
    for (const path of Object.keys(files).filter((p) => /\.(xml|rels)$/.test(p))) {
      const root = parseXml(decode(files[path]!), path);
      if (/^word\/(document|footer\d+)\.xml$/.test(path)) expect(checkAllowlist(root), path).toEqual([]);
    }
    expect(decode(files['word/document.xml']!)).not.toMatch(/NaN|Infinity|undefined/);
  });
});
