// The workbench page: the YAML (or a style's files) on the left, the pages on the right, rendered
// by gongwen's own packages in a worker a moment after each keystroke. Nothing leaves the browser.
import type { EditorView } from '@codemirror/view';
import { say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import schemaJson from '@gongwen/schema/report.schema.json';
import { strToU8, zipSync } from 'fflate';
import { createEditor, replaceText, showDiagnostics } from './editor.js';
import { EngineClient } from './engine-client.js';
import type { RenderReply, StyleChoice, StylesReply } from './engine/protocol.js';
import { examples } from './examples.js';
import { saveUserFonts, servedFonts, userFonts } from './font-store.js';
import { pdfWorkerUrl, showPdf } from './preview.js';
import { SchemaHelp, type SchemaNode } from './schema-help.js';
import './styles.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const base = new URL('./', document.baseURI);
const engine = new EngineClient(new URL('engine/engine.js', base).href);
const body = document.body;

const state = {
  filename: 'report.yaml',
  source: localStorage.getItem('gongwen.source') ?? examples['liaoning-zhuanghe-taipingling-2023.yaml']!,
  lang: (localStorage.getItem('gongwen.lang') as Lang | null) ?? 'zh',
  /** '' follows the report's own `style:`. */
  styleName: '',
  /** Styles opened from disk or edited in maintainer mode, by name. */
  customStyles: new Map<string, Record<string, string>>(),
  styles: [] as StylesReply['styles'],
  fixable: new Set<string>(),
  lastPdf: undefined as Uint8Array | undefined,
  renders: 0,
  activeTab: 'report',
};

const words = {
  zh: { loading: '正在载入…', rendering: '正在生成…', ready: '已更新', errors: (n: number) => `${n} 个错误`, pages: (n: number) => `${n} 页`, follow: '（按数据中的 style）', opened: '（已打开）' },
  en: { loading: 'Loading…', rendering: 'Rendering…', ready: 'Up to date', errors: (n: number) => `${n} error(s)`, pages: (n: number) => `${n} page(s)`, follow: '(the style the data names)', opened: '(opened)' },
};
const w = () => words[state.lang === 'en' ? 'en' : 'zh'];

function setState(kind: 'loading' | 'rendering' | 'ready' | 'errors', text: string) {
  body.dataset.state = kind;
  $('state').textContent = text;
}

// ---- the editor ------------------------------------------------------------------------------

const schema = new SchemaHelp(schemaJson as unknown as SchemaNode);
let editor: EditorView;
let templateEditor: EditorView | undefined;

function styleChoice(): StyleChoice | undefined {
  if (!state.styleName) return undefined;
  const files = state.customStyles.get(state.styleName);
  return files ? { name: state.styleName, files } : { name: state.styleName };
}

// ---- rendering ---------------------------------------------------------------------------------

/** Set while a change waits for its render: the preview is not up to date, whatever the last render said. */
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;
let running: Promise<void> | undefined;
let again = false;
let checkTimer: ReturnType<typeof setTimeout> | undefined;

/** Renders a moment after the last change; a render in flight finishes, then the newest text renders. */
function schedule(delay = 80) {
  clearTimeout(timer);
  clearTimeout(checkTimer);
  if (body.dataset.state !== 'loading') setState('rendering', w().rendering);
  timer = setTimeout(() => {
    timer = undefined;
    void renderNow();
  }, delay);
}

async function renderNow() {
  if (running) {
    again = true;
    return;
  }
  const gen = ++generation;
  const started = performance.now();
  setState('rendering', w().rendering);
  running = (async () => {
    const reply = await engine.render({ source: state.source, filename: state.filename, style: styleChoice(), formats: ['pdf'], lang: state.lang });
    if (gen !== generation) return;
    showProblems(reply);
    if (reply.pdf) {
      state.lastPdf = reply.pdf;
      const count = await showPdf($('preview'), reply.pdf, { width: Math.min(720, $('preview').clientWidth - 32) });
      $('pages').textContent = w().pages(count);
      body.dataset.pages = String(count);
      ($('download-pdf') as HTMLButtonElement).disabled = false;
      for (const id of ['download-docx', 'download-html', 'download-ofd']) ($(id) as HTMLButtonElement).disabled = false;
    }
    body.dataset.headings = JSON.stringify(reply.headings);
    const errors = reply.diagnostics.filter((d) => d.severity === 'error').length;
    const total = performance.now() - started;
    $('timing').textContent = `${Math.round(reply.renderMs)} ms / ${Math.round(total)} ms`;
    state.renders++;
    body.dataset.renders = String(state.renders);
    body.dataset.lastMs = String(Math.round(total));
    // A newer text is waiting: the state says so until that text is rendered too.
    if (!again && timer === undefined) setState(errors ? 'errors' : 'ready', errors ? w().errors(errors) : w().ready);
    // Measuring takes longer than rendering and shares the worker: it waits until typing pauses.
    if (reply.pdf) {
      const pdf = reply.pdf;
      clearTimeout(checkTimer);
      checkTimer = setTimeout(() => void check(pdf, gen), 600);
    }
    if (body.classList.contains('maintainer')) scheduleThumbnails();
  })().catch((err: unknown) => {
    setState('errors', String(err instanceof Error ? err.message : err));
  });
  await running;
  running = undefined;
  if (again) {
    again = false;
    void renderNow();
  }
}

function showProblems(reply: RenderReply) {
  const forReport = reply.diagnostics.filter((d) => !d.file || d.file === state.filename);
  showDiagnostics(editor, forReport, { fixable: (d) => state.fixable.has(d.ruleId), fix: fixOne });
  if (templateEditor) {
    showDiagnostics(templateEditor, reply.diagnostics.filter((d) => d.file === state.activeTab));
  }
  const list = $('problems');
  list.replaceChildren(
    ...reply.diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.dataset.rule = d.ruleId;
      li.textContent = `${d.file ?? state.filename}:${d.line ?? '-'}:${d.column ?? '-'} ${d.message}${d.hint ? ` — ${d.hint}` : ''} [${d.ruleId}]`;
      return li;
    }),
  );
}

async function fixOne(d: Diagnostic): Promise<string | undefined> {
  const { fixed } = await engine.fix(state.source, [d]);
  return fixed === state.source ? undefined : fixed;
}

async function check(pdf: Uint8Array, gen: number) {
  const reply = await engine.check(pdf, state.lang).catch(() => undefined);
  if (!reply || gen !== generation) return;
  const r = reply.report;
  const rules = $('rules');
  rules.replaceChildren(
    ...r.rules.map((rule) => {
      const li = document.createElement('li');
      li.className = rule.pass ? 'pass' : 'fail';
      li.dataset.rule = rule.id;
      const title = say(state.lang, rule.title, rule.titleEn);
      const measured = say(state.lang, rule.measured, rule.measuredEn);
      li.textContent = `${rule.pass ? '✓' : '✗'} ${title}${rule.skipped ? '' : ` — ${measured}`}`;
      return li;
    }),
  );
  const summary = $('conformance').querySelector('summary')!;
  summary.textContent = `GB/T 9704 ${r.conformant ? '✓' : '✗'} ${r.rules.filter((x) => x.pass).length}/${r.rules.length}`;
  body.dataset.conformant = String(r.conformant);
}

// ---- styles ------------------------------------------------------------------------------------

function fillStylePicker() {
  const select = $('style') as HTMLSelectElement;
  const options = [new Option(w().follow, '')];
  for (const s of state.styles) options.push(new Option(`${s.name}${s.region ? ` — ${s.region}` : ''}`, s.name));
  for (const name of state.customStyles.keys()) if (!state.styles.some((s) => s.name === name)) options.push(new Option(`${name} ${w().opened}`, name));
  select.replaceChildren(...options);
  select.value = state.styleName;
}

$('style').addEventListener('change', () => {
  state.styleName = ($('style') as HTMLSelectElement).value;
  if (body.classList.contains('maintainer')) openStyleTabs();
  schedule(0);
});

$('open-style').addEventListener('click', () => $('style-folder').click());
$('style-folder').addEventListener('change', async () => {
  const input = $('style-folder') as HTMLInputElement;
  const files: Record<string, string> = {};
  let name = 'opened';
  for (const file of Array.from(input.files ?? [])) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    const parts = rel.split('/');
    if (parts.length > 1) name = parts[0]!;
    const path = parts.length > 1 ? parts.slice(1).join('/') : rel;
    if (/\.(ya?ml|hbs|md|txt)$/i.test(path)) files[path] = await file.text();
  }
  state.customStyles.set(name, files);
  state.styleName = name;
  fillStylePicker();
  if (body.classList.contains('maintainer')) openStyleTabs();
  schedule(0);
});

// ---- maintainer mode: the style's files in tabs, all five examples as thumbnails --------------------

function currentStyleFiles(): { name: string; files: Record<string, string> } | undefined {
  const name = state.styleName || /^style:\s*([\w.-]+)/m.exec(state.source)?.[1] || '';
  const files = state.customStyles.get(name) ?? state.styles.find((s) => s.name === name)?.files;
  return files ? { name, files } : undefined;
}

function openStyleTabs() {
  const tabs = $('tabs');
  const style = currentStyleFiles();
  tabs.hidden = !body.classList.contains('maintainer');
  const names = ['report', ...(style ? Object.keys(style.files).filter((f) => /\.(ya?ml|hbs)$/.test(f)) : [])];
  tabs.replaceChildren(
    ...names.map((n) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = n === 'report' ? state.filename : n;
      b.dataset.tab = n;
      b.className = n === state.activeTab ? 'active' : '';
      b.addEventListener('click', () => selectTab(n));
      return b;
    }),
    ...(style ? [saveButton()] : []),
  );
}

function saveButton() {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = 'save-style';
  b.textContent = say(state.lang, '保存样式为 zip', 'Save style as zip');
  b.addEventListener('click', () => {
    const style = currentStyleFiles();
    if (!style) return;
    const entries = Object.fromEntries(Object.entries(style.files).map(([p, t]) => [`${style.name}/${p}`, [strToU8(t), { mtime: new Date(1980, 0, 1) }] as const]));
    download(zipSync(entries as never), `${style.name}.zip`, 'application/zip');
  });
  return b;
}

function selectTab(name: string) {
  state.activeTab = name;
  const host = $('editor');
  templateEditor?.destroy();
  templateEditor = undefined;
  if (name === 'report') {
    host.replaceChildren(editor.dom);
  } else {
    const style = currentStyleFiles();
    if (!style) return;
    // Editing a bundled style makes it the user's own copy, under the same name.
    if (!state.customStyles.has(style.name)) state.customStyles.set(style.name, { ...style.files });
    state.styleName = style.name;
    fillStylePicker();
    const files = state.customStyles.get(style.name)!;
    const holder = document.createElement('div');
    holder.className = 'template-editor';
    host.replaceChildren(holder);
    templateEditor = createEditor({
      parent: holder,
      text: files[name] ?? '',
      language: name.endsWith('.hbs') ? 'handlebars' : 'yaml',
      onChange(text) {
        files[name] = text;
        schedule();
      },
    });
  }
  openStyleTabs();
}

let thumbTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleThumbnails() {
  clearTimeout(thumbTimer);
  thumbTimer = setTimeout(() => void renderThumbnails(), 300);
}

async function renderThumbnails() {
  const host = $('thumbnails');
  const style = styleChoice() ?? (currentStyleFiles() ? { name: currentStyleFiles()!.name } : undefined);
  const cards: HTMLElement[] = [];
  for (const [file, text] of Object.entries(examples)) {
    const reply = await engine.render({ source: text, filename: file, style, formats: ['pdf'], lang: state.lang });
    const card = document.createElement('figure');
    card.className = 'thumb';
    card.dataset.example = file;
    const pages = document.createElement('div');
    pages.className = 'thumb-pages';
    const count = reply.pdf ? await showPdf(pages, reply.pdf, { width: 150, className: 'thumb-page', maxPages: 1 }) : 0;
    const caption = document.createElement('figcaption');
    const errors = reply.diagnostics.filter((d) => d.severity === 'error');
    caption.textContent = `${file.replace(/\.yaml$/, '')}${count ? ` · ${w().pages(count)}` : ''}${errors.length ? ` ✗ ${errors[0]!.message}` : ''}`;
    caption.title = caption.textContent;
    if (errors.length) card.classList.add('failed');
    card.dataset.headings = JSON.stringify(reply.headings);
    card.append(pages, caption);
    cards.push(card);
  }
  host.replaceChildren(...cards);
  body.dataset.thumbnails = String(Number(body.dataset.thumbnails ?? 0) + 1);
}

$('maintainer').addEventListener('change', () => {
  const on = ($('maintainer') as HTMLInputElement).checked;
  body.classList.toggle('maintainer', on);
  $('thumbnails').hidden = !on;
  if (on) {
    openStyleTabs();
    scheduleThumbnails();
  } else {
    selectTab('report');
    $('tabs').hidden = true;
  }
});

// ---- files in and out --------------------------------------------------------------------------

function download(bytes: Uint8Array | string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = () => state.filename.replace(/\.ya?ml$/i, '');

$('download-pdf').addEventListener('click', () => {
  if (state.lastPdf) download(state.lastPdf, `${stem()}.pdf`, 'application/pdf');
});
$('download-docx').addEventListener('click', async () => {
  const reply = await engine.render({ source: state.source, filename: state.filename, style: styleChoice(), formats: ['docx'], lang: state.lang });
  if (reply.docx) download(reply.docx, `${stem()}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
});
$('download-yaml').addEventListener('click', () => download(state.source, state.filename, 'application/yaml'));

$('download-html').addEventListener('click', async () => {
  const reply = await engine.render({ source: state.source, filename: state.filename, style: styleChoice(), formats: ['html'], lang: state.lang });
  if (reply.html !== undefined) download(reply.html, `${stem()}.html`, 'text/html;charset=utf-8');
});
$('download-ofd').addEventListener('click', async () => {
  const reply = await engine.render({ source: state.source, filename: state.filename, style: styleChoice(), formats: ['ofd'], lang: state.lang });
  if (reply.ofd) download(reply.ofd, `${stem()}.ofd`, 'application/ofd');
});

$('open-yaml').addEventListener('click', () => $('yaml-file').click());
$('yaml-file').addEventListener('change', async () => {
  const file = ($('yaml-file') as HTMLInputElement).files?.[0];
  if (file) await openFile(file);
});
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  body.classList.add('dropping');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) body.classList.remove('dropping');
});
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  body.classList.remove('dropping');
  const file = e.dataTransfer?.files[0];
  if (file) await openFile(file);
});

/** Report data opens as it is; an existing report (Word, text, Markdown, a web page) is imported first. */
async function openFile(file: File) {
  if (/\.ya?ml$/i.test(file.name)) {
    showImportNotes(undefined, []);
    loadSource(file.name, await file.text());
    return;
  }
  if (!/\.(docx|docm|dotx|txt|text|md|markdown|html?|xhtml)$/i.test(file.name)) {
    showImportNotes(file.name, [{ severity: 'error', ruleId: 'import/format', message: say(state.lang, '工作台不能打开这种文件', 'not a file the workbench opens'), hint: say(state.lang, '请打开报告数据（.yaml），或要导入的报告：.docx、.txt、.md、.html（.doc 与 .wps 请先另存为 .docx，或用 gongwen import）', 'open report data (.yaml), or a report to import: .docx, .txt, .md, .html (.doc and .wps: save as .docx first, or use gongwen import)') }]);
    return;
  }
  setState('loading', say(state.lang, `正在导入 ${file.name}…`, `Importing ${file.name}…`));
  const reply = await engine.import(new Uint8Array(await file.arrayBuffer()), file.name, state.lang);
  showImportNotes(file.name, reply.diagnostics);
  if (reply.yaml === undefined) {
    setState('errors', say(state.lang, `无法导入 ${file.name}`, `${file.name} could not be imported`));
    return;
  }
  state.styleName = '';
  fillStylePicker();
  loadSource(file.name.replace(/\.[^.]+$/, '.yaml'), reply.yaml);
}

/** What the import guessed or could not place, pointing into the imported file; kept until another file opens. */
function showImportNotes(name: string | undefined, diagnostics: readonly Diagnostic[]) {
  const box = $('import-notes');
  box.hidden = name === undefined;
  if (name === undefined) return;
  const title = document.createElement('strong');
  title.textContent = say(state.lang, `导入自 ${name}${diagnostics.length ? '' : '：没有需要说明的'}`, `Imported from ${name}${diagnostics.length ? '' : ': nothing to report'}`);
  box.replaceChildren(
    title,
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.dataset.rule = d.ruleId;
      const at = d.line !== undefined ? `${d.file ?? name}:${d.line}:${d.column ?? '-'} ` : `${d.file ?? name}: `;
      li.textContent = `${at}${d.message}${d.hint ? ` — ${d.hint}` : ''} [${d.ruleId}]`;
      return li;
    }),
  );
}

function loadSource(name: string, text: string) {
  state.filename = name;
  state.source = text;
  replaceText(editor, text);
  schedule(0);
}

$('lang').addEventListener('change', () => {
  state.lang = ($('lang') as HTMLSelectElement).value as Lang;
  localStorage.setItem('gongwen.lang', state.lang);
  fillStylePicker();
  schedule(0);
});

$('pick-fonts').addEventListener('click', () => $('font-files').click());
$('font-files').addEventListener('change', async () => {
  const picked: Record<string, Uint8Array> = {};
  for (const f of Array.from(($('font-files') as HTMLInputElement).files ?? [])) picked[f.name] = new Uint8Array(await f.arrayBuffer());
  const { fonts } = await engine.classify(picked);
  const user = await userFonts();
  for (const [name, info] of Object.entries(fonts)) {
    if (!info.roles.length) continue;
    user.files[name] = picked[name]!;
    for (const role of info.roles) user.roles[role as keyof typeof user.roles] = [...new Set([name, ...(user.roles[role as keyof typeof user.roles] ?? [])])];
  }
  await saveUserFonts(user);
  await loadFonts();
  schedule(0);
});

async function loadFonts() {
  const fonts = await servedFonts(base, (t) => ($('fonts-status').textContent = t));
  const reply = await engine.fonts(fonts);
  $('fonts-status').textContent = `正文 ${reply.families.body?.[0] ?? '?'} · 标题 ${reply.families.title?.[0] ?? '?'}`;
}

// ---- start -------------------------------------------------------------------------------------

async function start() {
  setState('loading', w().loading);
  ($('lang') as HTMLSelectElement).value = state.lang;
  // `gongwen preview <file>` serves the file it watches here; a static copy of the page has none.
  const preview = await fetch(new URL('preview/report', base), { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ name: string; text: string }>) : undefined))
    .catch(() => undefined);
  if (preview) {
    state.filename = preview.name;
    state.source = preview.text;
    const events = new EventSource(new URL('preview/events', base));
    events.addEventListener('change', async () => {
      const next = (await (await fetch(new URL('preview/report', base), { cache: 'no-store' })).json()) as { name: string; text: string };
      if (next.text !== state.source) loadSource(next.name, next.text);
    });
  }
  editor = createEditor({
    parent: $('editor'),
    text: state.source,
    schema,
    onChange(text) {
      state.source = text;
      if (!preview) localStorage.setItem('gongwen.source', text);
      schedule();
    },
  });
  const [styles] = await Promise.all([engine.styles(), loadFonts()]);
  state.styles = styles.styles;
  state.fixable = new Set(styles.fixable);
  fillStylePicker();
  await renderNow();
  body.dataset.loaded = String(Math.round(performance.now()));
  void keepForOffline().catch(() => undefined);
}

if ('serviceWorker' in navigator && location.protocol === 'http:' && !import.meta.env.DEV) {
  // Offline once loaded: the page, its engine and fonts come from the cache when there is no server.
  void navigator.serviceWorker.register(new URL('sw.js', base)).catch(() => undefined);
}

/** Tells the service worker every file this page loaded, so the next visit works without a network. */
async function keepForOffline() {
  if (!('serviceWorker' in navigator) || location.protocol !== 'http:' || import.meta.env.DEV) return;
  const registration = await navigator.serviceWorker.ready;
  const engineFiles = (await (await fetch(new URL('engine/files.json', base))).json()) as string[];
  const urls = [
    location.href.split('#')[0]!,
    new URL('engine/files.json', base).href,
    ...engineFiles.map((f) => new URL(`engine/${f}`, base).href),
    new URL('fonts/manifest.json', base).href,
    pdfWorkerUrl,
    ...performance.getEntriesByType('resource').map((e) => e.name),
  ];
  const cached = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent<{ type?: string }>) => {
      if (e.data?.type !== 'cached') return;
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve();
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
  });
  registration.active?.postMessage({ type: 'cache', urls: [...new Set(urls)] });
  await cached;
  body.dataset.offline = 'ready';
}

void start();
