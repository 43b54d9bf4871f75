import * as fontkit from 'fontkit';
import { fontRoles, layout, type Document } from '@gongwen/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOfd } from '../src/index.js';
import { exampleDocuments, fonts, sealedDocument, text, unpack } from './documents.js';
import { structureErrors } from './ofd-schema.js';
import { find, parseXml, walk, type XmlElement } from '@gongwen/test-kit/xml';

const cases: [string, Document][] = [...exampleDocuments(), ['sealed', sealedDocument()]];
const rendered = new Map<string, { ofd: Uint8Array; parts: Map<string, Uint8Array> }>();

beforeAll(async () => {
  for (const [name, doc] of cases) {
    const { ofd, diagnostics } = await renderOfd(doc, fonts);
    expect(diagnostics).toEqual([]);
    rendered.set(name, { ofd, parts: unpack(ofd) });
  }
});

const xmlParts = (parts: Map<string, Uint8Array>): [string, XmlElement][] =>
  [...parts].filter(([path]) => path.endsWith('.xml')).map(([path, bytes]) => [path, parseXml(text(bytes), path)]);

describe.each(cases.map(([name]) => name))('%s', (name) => {
  const get = () => rendered.get(name)!;

  it('is a package whose every XML part is well-formed and follows the structure of GB/T 33190', () => {
    const { parts } = get();
    expect([...parts.keys()][0]).toBe('OFD.xml');
    const errors = xmlParts(parts).flatMap(([path, root]) => structureErrors(root, path));
    expect(errors).toEqual([]);
  });

  it('resolves every location and reference, with unique IDs up to MaxUnitID', () => {
    const { parts } = get();
    const xml = new Map(xmlParts(parts));
    const root = xml.get('OFD.xml')!;
    const docRoot = find(root, 'ofd:DocRoot')[0]!.text;
    const dir = docRoot.slice(0, docRoot.lastIndexOf('/') + 1);
    const documentXml = xml.get(docRoot)!;
    const ids = new Map<number, string>();
    const note = (el: XmlElement, where: string) => {
      if (!('ID' in el.attrs)) return;
      const id = Number(el.attrs.ID);
      expect(Number.isInteger(id) && id > 0, `${where}: ID ${el.attrs.ID}`).toBe(true);
      expect(ids.has(id), `${where}: ID ${id} used twice`).toBe(false);
      ids.set(id, el.name);
    };
    for (const { element } of walk(documentXml)) if (element.name !== 'ofd:Page') note(element, docRoot);
    const resources = new Map<number, XmlElement>();
    for (const resLoc of [...find(documentXml, 'ofd:PublicRes'), ...find(documentXml, 'ofd:DocumentRes')].map((e) => dir + e.text)) {
      const res = xml.get(resLoc);
      expect(res, resLoc).toBeDefined();
      const base = dir + res!.attrs.BaseLoc + '/';
      for (const { element } of walk(res!)) {
        note(element, resLoc);
        if (element.attrs.ID) resources.set(Number(element.attrs.ID), element);
        if (element.name === 'ofd:FontFile' || element.name === 'ofd:MediaFile') expect(parts.has(base + element.text), base + element.text).toBe(true);
      }
    }
    const pages = find(documentXml, 'ofd:Pages')[0]!.children;
    for (const page of pages) {
      note(page, docRoot);
      const content = xml.get(dir + page.attrs.BaseLoc);
      expect(content, page.attrs.BaseLoc).toBeDefined();
      for (const { element } of walk(content!)) {
        note(element, page.attrs.BaseLoc!);
        if (element.name === 'ofd:TextObject') expect(resources.get(Number(element.attrs.Font))?.name).toBe('ofd:Font');
        if (element.name === 'ofd:ImageObject') expect(resources.get(Number(element.attrs.ResourceID))?.name).toBe('ofd:MultiMedia');
      }
    }
    expect(Number(find(documentXml, 'ofd:MaxUnitID')[0]!.text)).toBe(Math.max(...ids.keys()));
    // Nothing in the package that no part points to.
    const pointed = new Set(['OFD.xml', docRoot, ...[...xml.keys()]]);
    for (const path of parts.keys()) if (!path.endsWith('.xml')) expect(xmlParts(parts).some(([, r]) => [...walk(r)].some((w) => path.endsWith('/' + w.element.text))), path).toBe(true);
    expect([...xml.keys()].every((p) => pointed.has(p))).toBe(true);
  });

  it('has an A4 page area and a DocInfo with title, issuing organ, 成文日期 and a content-derived DocID', () => {
    const { parts } = get();
    const [, doc] = cases.find(([n]) => n === name)!;
    const root = parseXml(text(parts.get('OFD.xml')));
    expect(find(root, 'ofd:Title')[0]!.text).toBe(doc.meta.title);
    expect(find(root, 'ofd:Author')[0]!.text).toBe(doc.meta.author);
    expect(find(root, 'ofd:CreationDate')[0]?.text).toBe(doc.meta.created?.slice(0, 10));
    const documentXml = parseXml(text(parts.get('Doc_0/Document.xml')));
    expect(find(documentXml, 'ofd:PhysicalBox')[0]!.text).toBe(`0 0 ${layout.page.width} ${layout.page.height}`);
  });

  it('embeds each font as a standalone TrueType subset, named by the standard family it stands for, that draws every character', () => {
    const { parts } = get();
    const res = parseXml(text(parts.get('Doc_0/PublicRes.xml')));
    const standard = new Set(Object.values(fontRoles).map((r) => r.families[0]));
    const chars = new Map<string, Set<string>>();
    for (const [path, bytes] of parts) {
      if (!/Pages\/Page_\d+\/Content\.xml$/.test(path)) continue;
      for (const t of find(parseXml(text(bytes)), 'ofd:TextObject')) {
        const set = chars.get(t.attrs.Font!) ?? new Set();
        for (const code of find(t, 'ofd:TextCode')) for (const c of code.text) set.add(c);
        chars.set(t.attrs.Font!, set);
      }
    }
    for (const font of find(res, 'ofd:Font')) {
      expect(standard.has(font.attrs.FontName), font.attrs.FontName).toBe(true);
      expect(font.attrs.FamilyName).toBe(font.attrs.FontName);
      const file = parts.get(`Doc_0/Res/${find(font, 'ofd:FontFile')[0]!.text}`)!;
      const parsed = fontkit.create(Buffer.from(file)) as fontkit.Font;
      const used = chars.get(font.attrs.ID!) ?? new Set();
      // A subset: the used glyphs and .notdef, far fewer than a CJK font's tens of thousands.
      expect(parsed.numGlyphs).toBeLessThanOrEqual(used.size + 1);
      for (const c of used) expect(parsed.glyphForCodePoint(c.codePointAt(0)!).id, `${font.attrs.FontName} ${c}`).toBeGreaterThan(0);
      for (const table of ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'loca', 'glyf']) expect((parsed as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables[table], table).toBeDefined();
    }
  });
});

describe('OFD bytes', () => {
  it('are the same for the same document, with every zip entry dated 1980-01-01 00:00', async () => {
    const [, doc] = cases[0]!;
    const again = await renderOfd(doc, fonts);
    expect(Buffer.compare(Buffer.from(again.ofd), Buffer.from(rendered.get(cases[0]![0])!.ofd))).toBe(0);
    const bytes = again.ofd;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 4 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      expect(view.getUint16(at + 10, true)).toBe(0);
      expect(view.getUint16(at + 12, true)).toBe(33);
      at += 29;
    }
  });

  it('draw the red header in the standard red: the organ mark and the rule under the 发文字号', () => {
    const { parts } = rendered.get(cases.find(([n]) => n.startsWith('national'))![0])!;
    const page = parseXml(text(parts.get('Doc_0/Pages/Page_0/Content.xml')));
    const red = [0, 2, 4].map((i) => Number.parseInt(layout.red.slice(i, i + 2), 16)).join(' ');
    const rule = find(page, 'ofd:PathObject')[0]!;
    expect(find(rule, 'ofd:StrokeColor')[0]!.attrs.Value).toBe(red);
    const [, , w] = rule.attrs.Boundary!.split(' ').map(Number);
    expect(w! - Number(rule.attrs.LineWidth)).toBeCloseTo(layout.textBlock.width, 3);
    const mark = find(page, 'ofd:TextObject')[0]!;
    expect(find(mark, 'ofd:FillColor')[0]!.attrs.Value).toBe(red);
  });

  it('place each seal as an ImageObject over a PNG resource', () => {
    const { parts } = rendered.get('sealed')!;
    const media = find(parseXml(text(parts.get('Doc_0/DocumentRes.xml'))), 'ofd:MultiMedia');
    expect(media).toHaveLength(1); // two seals of one picture: one resource
    expect(media[0]!.attrs).toMatchObject({ Type: 'Image', Format: 'PNG' });
    const images = [...parts].filter(([p]) => p.includes('/Pages/')).flatMap(([, b]) => find(parseXml(text(b)), 'ofd:ImageObject'));
    expect(images).toHaveLength(2);
    for (const image of images) {
      const [, , w, h] = image.attrs.Boundary!.split(' ').map(Number);
      expect(image.attrs.CTM).toBe(`${w} 0 0 ${h} 0 0`);
    }
  });

  it('escape report text: markup in the data stays text', async () => {
    const [, doc] = cases[0]!;
    const hostile: Document = { ...doc, meta: { ...doc.meta, title: '</ofd:Title><x a="1">&amp;' }, body: [{ kind: 'paragraph', runs: [{ text: '<ofd:TextObject ID="1"/>&"\'' }] }] };
    const { ofd } = await renderOfd(hostile, fonts);
    const parts = unpack(ofd);
    expect(find(parseXml(text(parts.get('OFD.xml'))), 'ofd:Title')[0]!.text).toBe('</ofd:Title><x a="1">&amp;');
    const body = xmlParts(parts).flatMap(([p, r]) => structureErrors(r, p));
    expect(body).toEqual([]);
  });
});
