import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, loadStyle } from '@gongwen/compose';
import { documentLines, type Document } from '@gongwen/model';
import { loadReport } from '@gongwen/schema';
import { readStyleFiles, stylesDir } from '@gongwen/templates';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index.js';

const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));

function documentOf(yamlText: string, file: string): Document {
  const { report, diagnostics } = loadReport(yamlText, { filename: file });
  if (!report) throw new Error(JSON.stringify(diagnostics));
  const { style } = loadStyle(readStyleFiles(join(stylesDir, report.style)), { name: report.style });
  const { document, diagnostics: d } = composeDocument(report, style!);
  if (!document) throw new Error(JSON.stringify(d));
  return document;
}

const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();
// The recommended rules and the accessibility rules, as a government site's checker applies them.
const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:a11y'] });

/** The page's text without tags and whitespace, entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

describe.each(examples)('%s as a web page', (file) => {
  const doc = documentOf(readFileSync(join(examplesDir, file), 'utf8'), file);
  const html = renderHtml(doc);

  it('passes html-validate (recommended and a11y rules)', async () => {
    const report = await validator.validateString(html, `${file}.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is self-contained and accessible: zh-CN, the title as h1, metadata, no script, nothing loaded', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(/<h1>(.*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, '')).toBe(doc.title.join(''));
    expect(html).toContain(`<meta name="author" content="${doc.meta.author}">`);
    if (doc.meta.created) expect(html).toContain(`<meta name="dcterms.created" content="${doc.meta.created}">`);
  });

  it('has the document’s text in order, parts and subsections as h2–h4 with their numbers', () => {
    expect(pageText(html)).toBe(documentLines(doc).join('').replace(/\s+/g, ''));
    const headings = [...html.matchAll(/<h([234])>(.*?)<\/h\1>/g)].map((m) => [Number(m[1]), m[2]]);
    const expected = doc.body.filter((b) => b.kind === 'heading').map((b) => [Math.min(b.level + 1, 4), b.marker + b.text]);
    expect(headings.slice(0, expected.length)).toEqual(expected);
  });
});

it('never lets report text become markup', () => {
  const doc: Document = {
    meta: { title: '<script>alert(1)</script>', author: '"><img src=x onerror=alert(1)>' },
    title: ['<script>alert(1)</script>'],
    addressee: '</p><a href="javascript:alert(1)">x</a>：',
    body: [{ kind: 'heading', level: 1, marker: '一、', text: '<style>body{display:none}</style>' }, { kind: 'paragraph', runs: [{ text: '&lt; & <b>粗</b>' }] }],
  };
  const html = renderHtml(doc);
  expect(html).not.toMatch(/<script|<img|<a |<b>|<style>body/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(pageText(html)).toContain('&lt;&<b>粗</b>');
});

it('the validator does fail a page that breaks its rules (so the checks above can fail)', async () => {
  const broken = renderHtml({ meta: { title: 't', author: 'a' }, title: ['t'], body: [] }).replace(' lang="zh-CN"', '').replace('<h1>', '<h1><div>').replace('</h1>', '</div></h1>');
  const report = await validator.validateString(broken, 'broken.html');
  expect(report.valid).toBe(false);
  expect(report.results[0]!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['element-required-attributes', 'element-permitted-content']));
});
