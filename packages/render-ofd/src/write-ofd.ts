import { warning, type Diagnostic, type Lang, type Result } from '@gongwen/diagnostics';
import type { FontSet, LoadedFont } from '@gongwen/fonts';
import { fontRoles, type DocumentMeta, type FontRole } from '@gongwen/model';
import type { LaidOutPage, LaidOutPicture, LaidOutRule, LaidOutText } from '@gongwen/render-pdf';
import { canSubset, subsetFont } from './font-subset.js';
import { deltas, escapeXml, num, ofdNamespace, rgb, xmlDeclaration } from './xml.js';
import { writeZip } from '@gongwen/zip';

export interface WriteOfdOptions {
  /** Title, issuing organ, 成文日期 of the document (DocInfo). */
  meta: DocumentMeta;
  /** The font set the pages were laid out with: it says which standard family each font stands for. */
  fonts: FontSet;
  lang?: Lang;
}

export interface WriteOfdResult extends Result {
  ofd: Uint8Array;
  diagnostics: Diagnostic[];
}

/** Where each part lives in the package (GB/T 33190 7.2: one document, Doc_0). */
const docRoot = 'Doc_0';

/**
 * Writes laid-out pages (render-pdf's page model) as an OFD package: OFD.xml, Document.xml,
 * PublicRes.xml (fonts), DocumentRes.xml (images), one Content.xml per page, the font subsets and
 * the images. Nothing here reads the clock, the file system or random numbers: the same pages give
 * the same bytes, and the library runs in a browser.
 */
export async function writeOfd(pages: readonly LaidOutPage[], options: WriteOfdOptions): Promise<WriteOfdResult> {
  const diagnostics: Diagnostic[] = [];
  let lastId = 0;
  const nextId = (): number => ++lastId;

  // Fonts, in order of first use; each with the characters it draws.
  const fonts = new Map<LoadedFont, { id: number; characters: Map<number, number> }>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      let entry = fonts.get(item.font);
      if (!entry) fonts.set(item.font, (entry = { id: nextId(), characters: new Map() }));
      for (const glyph of item.glyphs) {
        const codes = [...glyph.text].map((c) => c.codePointAt(0)!);
        if (codes.length === 1) {
          if (!entry.characters.has(codes[0]!)) entry.characters.set(codes[0]!, glyph.id);
        } else {
          for (const code of codes) if (!entry.characters.has(code)) entry.characters.set(code, glyphIdOf(item.font, code));
        }
      }
    }
  }
  // Images, one resource per distinct picture.
  const images = new Map<string, { id: number; picture: LaidOutPicture; file: string }>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'picture') continue;
      const key = `${item.format}:${bytesKey(item.data)}`;
      if (!images.has(key)) {
        const id = nextId();
        images.set(key, { id, picture: item, file: `image_${id}.${item.format === 'jpeg' ? 'jpg' : 'png'}` });
      }
    }
  }
  const imageId = (picture: LaidOutPicture): number => images.get(`${picture.format}:${bytesKey(picture.data)}`)!.id;

  const parts: [string, Uint8Array][] = [];
  const utf8 = new TextEncoder();
  const xml = (path: string, text: string): void => void parts.push([path, utf8.encode(xmlDeclaration + text)]);

  // Pages.
  const pageEntries: { id: number; loc: string }[] = [];
  const pageXml: [string, string][] = [];
  pages.forEach((page, index) => {
    const id = nextId();
    const layer = nextId();
    const objects: string[] = [];
    for (const item of page.items) {
      if (item.kind === 'text') objects.push(textObject(item, nextId(), fonts.get(item.font)!.id));
      else if (item.kind === 'rule') objects.push(pathObject(item, nextId()));
      else objects.push(imageObject(item, nextId(), imageId(item)));
    }
    const loc = `Pages/Page_${index}/Content.xml`;
    pageEntries.push({ id, loc });
    const area =
      page.width === pages[0]!.width && page.height === pages[0]!.height ? '' : `<ofd:Area><ofd:PhysicalBox>0 0 ${num(page.width)} ${num(page.height)}</ofd:PhysicalBox></ofd:Area>`;
    pageXml.push([`${docRoot}/${loc}`, `<ofd:Page xmlns:ofd="${ofdNamespace}">${area}<ofd:Content><ofd:Layer ID="${layer}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>\n`]);
  });

  // Fonts: embedded as subsets, named by the standard family they stand for.
  const names = standardNames(options.fonts);
  const fontElements: string[] = [];
  const fontFiles: [string, Uint8Array][] = [];
  for (const [font, { id, characters }] of fonts) {
    const name = names.get(font) ?? font.family;
    let file = '';
    if (canSubset(font)) {
      const path = `font_${id}.ttf`;
      fontFiles.push([`${docRoot}/Res/${path}`, subsetFont(font, characters)]);
      file = `<ofd:FontFile>${path}</ofd:FontFile>`;
    } else {
      diagnostics.push(
        options.lang === 'en'
          ? warning('render/ofd-font-not-embedded', `the OFD names the font ${name} (${font.postscriptName}) without embedding it: its outlines are CFF, which gongwen cannot subset for OFD`, { hint: 'install or configure a TrueType (.ttf) version of the font to embed it' })
          : warning('render/ofd-font-not-embedded', `OFD 未嵌入字体 ${name}（${font.postscriptName}），只写了字体名：该字体为 CFF 轮廓，暂不能子集化嵌入`, { hint: '请安装或配置该字体的 TrueType（.ttf）版本，以便嵌入' }),
      );
    }
    fontElements.push(`<ofd:Font ID="${id}" FontName="${escapeXml(name)}" FamilyName="${escapeXml(name)}">${file}</ofd:Font>`);
  }
  const publicRes = `<ofd:Res xmlns:ofd="${ofdNamespace}" BaseLoc="Res">${fontElements.length ? `<ofd:Fonts>${fontElements.join('')}</ofd:Fonts>` : ''}</ofd:Res>\n`;
  const media = [...images.values()].map(
    ({ id, picture, file }) => `<ofd:MultiMedia ID="${id}" Type="Image" Format="${picture.format === 'jpeg' ? 'JPEG' : 'PNG'}"><ofd:MediaFile>${file}</ofd:MediaFile></ofd:MultiMedia>`,
  );
  const documentRes = `<ofd:Res xmlns:ofd="${ofdNamespace}" BaseLoc="Res">${media.length ? `<ofd:MultiMedias>${media.join('')}</ofd:MultiMedias>` : ''}</ofd:Res>\n`;

  const first = pages[0] ?? { width: 210, height: 297 };
  const documentXml =
    `<ofd:Document xmlns:ofd="${ofdNamespace}"><ofd:CommonData><ofd:MaxUnitID>${lastId}</ofd:MaxUnitID>` +
    `<ofd:PageArea><ofd:PhysicalBox>0 0 ${num(first.width)} ${num(first.height)}</ofd:PhysicalBox></ofd:PageArea>` +
    `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>` +
    `<ofd:Pages>${pageEntries.map((p) => `<ofd:Page ID="${p.id}" BaseLoc="${p.loc}"/>`).join('')}</ofd:Pages></ofd:Document>\n`;

  xml(`${docRoot}/Document.xml`, documentXml);
  xml(`${docRoot}/PublicRes.xml`, publicRes);
  xml(`${docRoot}/DocumentRes.xml`, documentRes);
  for (const [path, text] of pageXml) xml(path, text);
  parts.push(...fontFiles);
  for (const { picture, file } of images.values()) parts.push([`${docRoot}/Res/${file}`, picture.data]);

  // The DocID is derived from every other part, so a rerun gives the same one.
  const docId = await digest(parts);
  const ofdXml = `<ofd:OFD xmlns:ofd="${ofdNamespace}" Version="1.0" DocType="OFD"><ofd:DocBody>${docInfo(options.meta, docId)}<ofd:DocRoot>${docRoot}/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`;
  const ofd = writeZip([['OFD.xml', utf8.encode(xmlDeclaration + ofdXml)], ...parts]);
  return { ofd, diagnostics };
}

function docInfo(meta: DocumentMeta, docId: string): string {
  // CT_DocInfo's order: DocID, Title, Author, Subject, Abstract, CreationDate, ModDate, DocUsage, Cover, Keywords, Creator, CreatorVersion, CustomDatas.
  const date = meta.created && /^\d{4}-\d{2}-\d{2}/.test(meta.created) ? meta.created.slice(0, 10) : undefined;
  return (
    `<ofd:DocInfo><ofd:DocID>${docId}</ofd:DocID>` +
    `<ofd:Title>${escapeXml(meta.title)}</ofd:Title>` +
    `<ofd:Author>${escapeXml(meta.author)}</ofd:Author>` +
    (meta.subject ? `<ofd:Subject>${escapeXml(meta.subject)}</ofd:Subject>` : '') +
    (date ? `<ofd:CreationDate>${date}</ofd:CreationDate>` : '') +
    `<ofd:DocUsage>Normal</ofd:DocUsage>` +
    (meta.keywords?.length ? `<ofd:Keywords>${meta.keywords.map((k) => `<ofd:Keyword>${escapeXml(k)}</ofd:Keyword>`).join('')}</ofd:Keywords>` : '') +
    `<ofd:Creator>gongwen</ofd:Creator></ofd:DocInfo>`
  );
}

function textObject(run: LaidOutText, id: number, fontId: number): string {
  const width = run.glyphs.reduce((w, g) => w + g.advance, 0);
  // The boundary holds the em box with room for descenders; the TextCode's origin is on the baseline.
  const top = run.baseline - run.size;
  const w = Math.max(width, run.size);
  const h = run.size * 1.3;
  let boundary = `${num(run.x)} ${num(top)} ${num(w)} ${num(h)}`;
  let ctm = '';
  if (run.turnedAbout) {
    // Turned a quarter clockwise about (ox, oy), as the PDF draws it: the boundary is the turned
    // box, and the CTM maps the upright run (u along it, v down) into it: (u, v) → (h − v, u).
    const { x: ox, y: oy } = run.turnedAbout;
    boundary = `${num(ox - (top + h - oy))} ${num(oy + (run.x - ox))} ${num(h)} ${num(w)}`;
    ctm = ` CTM="0 1 -1 0 ${num(h)} 0"`;
  }
  const steps: number[] = [];
  run.glyphs.forEach((g, i) => {
    const count = [...g.text].length;
    for (let k = 1; k < count; k++) steps.push(0);
    if (i < run.glyphs.length - 1) steps.push(g.advance);
  });
  const text = run.glyphs.map((g) => g.text).join('');
  const deltaX = steps.length ? ` DeltaX="${deltas(steps)}"` : '';
  return (
    `<ofd:TextObject ID="${id}" Boundary="${boundary}"${ctm} Font="${fontId}" Size="${num(run.size)}">` +
    `<ofd:FillColor Value="${rgb(run.color)}"/>` +
    `<ofd:TextCode X="0" Y="${num(run.size)}"${deltaX}>${escapeXml(text)}</ofd:TextCode></ofd:TextObject>`
  );
}

function pathObject(rule: LaidOutRule, id: number): string {
  const half = rule.width / 2;
  const x = Math.min(rule.x1, rule.x2) - half;
  const y = Math.min(rule.y1, rule.y2) - half;
  const w = Math.abs(rule.x2 - rule.x1) + rule.width;
  const h = Math.abs(rule.y2 - rule.y1) + rule.width;
  const path = `M ${num(rule.x1 - x)} ${num(rule.y1 - y)} L ${num(rule.x2 - x)} ${num(rule.y2 - y)}`;
  return (
    `<ofd:PathObject ID="${id}" Boundary="${num(x)} ${num(y)} ${num(w)} ${num(h)}" LineWidth="${num(rule.width)}" Stroke="true" Fill="false">` +
    `<ofd:StrokeColor Value="${rgb(rule.color)}"/><ofd:AbbreviatedData>${path}</ofd:AbbreviatedData></ofd:PathObject>`
  );
}

function imageObject(picture: LaidOutPicture, id: number, resource: number): string {
  // An image fills the unit square; the CTM scales it to its box.
  return `<ofd:ImageObject ID="${id}" Boundary="${num(picture.x)} ${num(picture.y)} ${num(picture.width)} ${num(picture.height)}" CTM="${num(picture.width)} 0 0 ${num(picture.height)} 0 0" ResourceID="${resource}"/>`;
}

/** Per font, the standard family name of the first role it serves (仿宋_GB2312, 方正小标宋简体, …). */
function standardNames(fonts: FontSet): Map<LoadedFont, string> {
  const order: FontRole[] = ['body', 'title', 'heading1', 'heading2', 'pageNumber', 'organMark'];
  const names = new Map<LoadedFont, string>();
  for (const role of order) {
    const first = fonts[role]?.[0];
    if (first && !names.has(first)) names.set(first, fontRoles[role].families[0]!);
  }
  return names;
}

function glyphIdOf(font: LoadedFont, code: number): number {
  return (font.font as unknown as { glyphForCodePoint(c: number): { id: number } }).glyphForCodePoint(code).id;
}

const keys = new WeakMap<Uint8Array, string>();
/** A cheap identity of an image's bytes (FNV-1a over them, and their length). */
function bytesKey(bytes: Uint8Array): string {
  let key = keys.get(bytes);
  if (!key) {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193) >>> 0;
    keys.set(bytes, (key = `${bytes.length}:${h.toString(16)}`));
  }
  return key;
}

async function digest(parts: readonly (readonly [string, Uint8Array])[]): Promise<string> {
  const utf8 = new TextEncoder();
  const chunks = parts.flatMap(([path, data]) => [utf8.encode(`${path}\n${data.length}\n`), data]);
  const total = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    total.set(c, at);
    at += c.length;
  }
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', total));
  return [...hash.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
