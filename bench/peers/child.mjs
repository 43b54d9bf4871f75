#!/usr/bin/env node
// One measured process of bench/peers.mjs: loads one side (gongwen's facade, typst.ts or
// docxtemplater), renders `--renders` new documents (the Liaoning example with another township
// each time) and prints one JSON line: the wall and CPU time (user+sys, the whole process: typst
// lays out on several threads) of each render. With `--renders 1` it is the cold process the
// driver times from outside.
//   node bench/peers/child.mjs --side typst-pdf --work DIR --renders 40 [--root CHECKOUT]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { side: { type: 'string' }, work: { type: 'string' }, renders: { type: 'string', default: '1' }, root: { type: 'string' } } });
const here = new URL('.', import.meta.url).pathname;
const root = args.root ?? join(here, '../..');
const work = args.work;
const renders = Number(args.renders);
const require = createRequire(join(here, '../../package.json'));
// Characters the report does not use, two to a township's name: a name is never that of a document
// before it (up to 50 renders), so neither are the title's or the body's glyphs and their order.
const names = [...'甲乙丙丁戊庚辛壬癸鹤鸣鹿溪枫桦椿楠柏榆杉桐槐柳梓楸梧桂檀樟荷莲菊兰蕙芷蘅芸萱葵藜薇蓉苇蒲荻菖艾蔚茗蕾'];
const own = '太平岭满族乡';
/** The i-th document: the example with another township's name. */
const variant = (text, i) => text.replaceAll(own, `${names[i % names.length]}${names[(7 * i + 3) % names.length]}镇`);

/** Returns `render(i) → bytes` for the side. */
async function load(side) {
  if (side === 'gongwen-pdf' || side === 'gongwen-docx' || side === 'gongwen-pdf+docx') {
    const { render } = await import(join(root, 'packages/gongwen/dist/index.js'));
    const source = readFileSync(join(work, 'one.yaml'), 'utf8');
    const formats = side.slice('gongwen-'.length).split('+');
    return async (i) => {
      const r = await render(variant(source, i), { formats });
      if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
      return r.outputs[formats[0]];
    };
  }
  const documentJson = readFileSync(join(work, 'document.json'), 'utf8');
  if (side === 'typst-pdf') {
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
    const fontFiles = JSON.parse(readFileSync(join(work, 'fonts.json'), 'utf8'));
    // The same four font files gongwen embeds, loaded once (as gongwen loads them once).
    const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fontFiles.map((f) => readFileSync(f)) }] });
    const template = readFileSync(join(here, 'report.typ'), 'utf8');
    return (i) => {
      // Drops results not reused for ten compiles, as typst's own CLI tools do between compiles.
      compiler.evictCache(10);
      return compiler.pdf({ mainFileContent: template, inputs: { data: variant(documentJson, i) } });
    };
  }
  if (side === 'docxtemplater-docx') {
    const PizZip = require('pizzip');
    const Docxtemplater = require('docxtemplater');
    const template = readFileSync(join(work, 'template.docx'));
    return (i) => {
      const document = JSON.parse(variant(documentJson, i));
      const body = document.body.map((b) => ({ ...b, h1: b.kind === 'heading' && b.level === 1, h2: b.kind === 'heading' && b.level === 2, h3: b.kind === 'heading' && b.level === 3, p: b.kind !== 'heading' }));
      const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
      doc.render({ ...document, body });
      return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
  }
  throw new Error(`unknown side ${side}`);
}

/**
 * Writes what every side reads: the report, the document gongwen composes from it (the peers'
 * data), the font files gongwen uses, and docxtemplater's template, made from gongwen's own DOCX
 * of the report (its styles, page and footers; one paragraph of each kind with tags for text).
 */
async function setup() {
  const source = readFileSync(join(root, 'examples/liaoning-zhuanghe-taipingling-2023.yaml'), 'utf8');
  writeFileSync(join(work, 'one.yaml'), source);
  const { render } = await import(join(root, 'packages/gongwen/dist/index.js'));
  const { resolveFonts } = await import(join(root, 'packages/fonts/dist/index.js'));
  const r = await render(source, { formats: ['docx'] });
  writeFileSync(join(work, 'document.json'), JSON.stringify(r.document));
  const fonts = resolveFonts().fonts;
  writeFileSync(join(work, 'fonts.json'), JSON.stringify([...new Set(Object.values(fonts).flat().map((f) => f.path))]));
  const PizZip = require('pizzip');
  const zip = new PizZip(r.outputs.docx);
  const xml = zip.file('word/document.xml').asText();
  const [head, rest] = xml.split('<w:body>');
  const [body, tail] = rest.split('<w:sectPr>');
  const paragraphs = body.match(/<w:p>.*?<\/w:p>/g);
  const first = (test) => paragraphs.find(test);
  const withText = (p, text) => p.replace(/<w:t xml:space="preserve">[^<]*<\/w:t>/, `<w:t xml:space="preserve">${text}</w:t>`);
  const tag = (text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const style = (name) => (p) => p.includes(`<w:pStyle w:val="${name}"/>`);
  const signature = paragraphs.slice(-2);
  const part = (flag, p) => tag(`{#${flag}}`) + withText(p, '{marker}{text}') + tag(`{/${flag}}`);
  const template = [
    tag('{#title}'), withText(first(style('Title')), '{.}'), tag('{/title}'),
    withText(first(style('Normal')), '{addressee}'),
    tag('{#body}'),
    part('h1', first(style('Heading1'))), part('h2', first(style('Heading2'))), part('h3', first(style('Heading3')) ?? first(style('Heading2'))),
    tag('{#p}'), withText(first(style('BodyText')), '{#runs}{text}{/runs}'), tag('{/p}'),
    tag('{/body}'),
    tag('{#signature.organs}'), withText(signature[0], '{.}'), tag('{/signature.organs}'),
    withText(signature[1], '{signature.date}'),
  ].join('');
  zip.file('word/document.xml', `${head}<w:body>${template}<w:sectPr>${tail}`);
  writeFileSync(join(work, 'template.docx'), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
if (args.side === 'setup') {
  await setup();
  process.exit(0);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const render = await load(args.side);
const loadMs = performance.now() - t0;
const times = [];
let bytes;
for (let i = 0; i < renders; i++) {
  const t = performance.now();
  const c = cpu();
  bytes = await render(i);
  times.push({ wallMs: performance.now() - t, cpuMs: cpu() - c });
}
writeFileSync(join(work, `${args.side}.out`), bytes);
console.log(JSON.stringify({ side: args.side, loadMs, times, bytes: bytes.length, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
