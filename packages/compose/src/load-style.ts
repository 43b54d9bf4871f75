import { error, hasErrors, warning, type Diagnostic, type Result } from '@gongwen/diagnostics';
import Handlebars from 'handlebars';
import { helpers, knownHelpers } from './helpers.js';
import { manifestBase, parseManifest, type StyleManifest } from './manifest.js';
import { t, type Lang } from './messages.js';
import { checkTemplateAst, checkTemplateTags } from './template-check.js';

export interface LoadStyleOptions {
  /** The style's name (its folder name); the manifest's `name` must agree. */
  name: string;
  lang?: Lang;
}

type TemplateFn = (context: unknown) => string;

/** A loaded style: its manifest and its compiled templates, in an environment of its own. */
export interface Style {
  name: string;
  manifest: StyleManifest;
  /**
   * Template files; position marks in the printed markup refer to them by index. A template the
   * style inherits is named from the style's folder, `../national/document.hbs`.
   */
  files: readonly string[];
  /** The source of every template the style renders with, its own and those it inherits, by `files` name. */
  templates: Readonly<Record<string, string>>;
  /** Prints the markup for a view model. Throws a TemplateError for a runtime template error. */
  render(view: unknown): string;
  /** Fills a manifest text (title line, heading) with values; the result is plain text. */
  fill(manifestPath: string, context: Record<string, unknown>): string;
}

/** Whether a value a caller passed is a style as `loadStyle` returns it (a program passing something else gets a message). */
export function isStyle(value: unknown): value is Style {
  const v = value as Partial<Record<keyof Style, unknown>> | null;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.render === 'function' && typeof v.manifest === 'object' && v.manifest !== null && !Array.isArray(v.manifest) && typeof v.name === 'string';
}

export interface LoadStyleResult extends Result {
  style?: Style;
  diagnostics: Diagnostic[];
}

/** A template failed while rendering; `file`/`line` say where when Handlebars knows. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const MANIFEST = 'style.yaml';
const ENTRY = 'document.hbs';

const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, knownHelpers, preventIndent: true } as const;

/**
 * Loads a style from its files (relative path → text), as the caller read them from
 * `templates/<name>/`. Checks the manifest and every template before any report is rendered.
 * A style that `extends` another finds its base's files among them as `../<base>/<path>`
 * (`readStyleFiles` of `@gongwen/templates` reads them so): the base's manifest values and
 * templates apply wherever the style has none of its own.
 */
export function loadStyle(files: Record<string, string>, options: LoadStyleOptions): LoadStyleResult {
  return loadStyleIn(files, options, [options.name]);
}

/** `loadStyle`, knowing which styles extend this one (to refuse a circle). */
function loadStyleIn(allFiles: Record<string, string>, options: LoadStyleOptions, chain: string[]): LoadStyleResult {
  const lang = options.lang ?? 'zh';
  // The style's own files; its bases' come as ../<base>/<path>.
  const files = Object.fromEntries(Object.entries(allFiles).filter(([p]) => !p.startsWith('../')));
  const diagnostics: Diagnostic[] = [];
  const manifestText = files[MANIFEST];
  if (manifestText === undefined) {
    return {
      diagnostics: [
        error('style/missing-file', t(lang, `样式“${options.name}”缺少 ${MANIFEST}`, `style "${options.name}" has no ${MANIFEST}`), {
          file: MANIFEST,
          hint: t(lang, '每个样式文件夹都要有清单 style.yaml，见 templates/README.md。', 'Every style folder needs a style.yaml manifest; see templates/README.md.'),
        }),
      ],
    };
  }
  const inherited = loadBase(allFiles, manifestText, lang, chain);
  if (inherited.diagnostics.length) return { diagnostics: inherited.diagnostics };
  const baseStyle = inherited.style;
  const parsed = parseManifest(manifestText, MANIFEST, lang, baseStyle?.manifest);
  diagnostics.push(...parsed.diagnostics);
  const manifest = parsed.manifest;
  if (manifest && manifest.name !== options.name) {
    diagnostics.push(
      error('style/manifest', t(lang, `style.yaml 的 name 是“${manifest.name}”，但样式文件夹名是“${options.name}”`, `style.yaml says name "${manifest.name}" but the style folder is "${options.name}"`), {
        ...parsed.locate(['name']),
        hint: t(lang, '二者须一致。', 'They must agree.'),
      }),
    );
  }

  if (files[ENTRY] === undefined && !baseStyle) {
    diagnostics.push(error('style/missing-file', t(lang, `样式“${options.name}”缺少入口模板 ${ENTRY}`, `style "${options.name}" has no entry template ${ENTRY}`), { file: ENTRY }));
  }

  // A style is data: code never runs from a style folder, and a stray template is never used.
  for (const path of Object.keys(files)) {
    if (/\.(m?js|cjs|ts|mts|cts|py|sh|exe|dll)$/i.test(path)) {
      diagnostics.push(
        warning('style/unexpected-file', t(lang, `样式文件夹不含代码，${path} 被忽略`, `a style folder holds no code; ${path} is ignored`), {
          file: path,
          hint: t(lang, '助手函数在 @gongwen/compose 中，样式只能使用它们。', 'Helpers live in @gongwen/compose; styles can only use them.'),
        }),
      );
    } else if (path.endsWith('.hbs') && path !== ENTRY && !/^partials\/[^/]+\.hbs$/.test(path)) {
      diagnostics.push(
        warning('style/unexpected-file', t(lang, `模板 ${path} 不会被使用`, `template ${path} is never used`), {
          file: path,
          hint: t(lang, '入口是 document.hbs，局部模板放在 partials/ 下。', 'The entry is document.hbs; partials go in partials/.'),
        }),
      );
    }
  }

  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);

  // Every template by its path in the style (document.hbs, partials/x.hbs): the style's own, else
  // the base's, which names it from this folder (../national/document.hbs).
  const sources = new Map<string, { file: string; source: string }>();
  if (baseStyle) {
    baseStyle.files.forEach((file) => sources.set(templatePath(file), { file: file.startsWith('../') ? file : `../${baseStyle.name}/${file}`, source: baseStyle.templates[file]! }));
  }
  for (const [path, source] of Object.entries(files)) if (path === ENTRY || /^partials\/[^/]+\.hbs$/.test(path)) sources.set(path, { file: path, source });
  const templatePaths = [...sources.keys()].sort((a, b) => (a === ENTRY ? -1 : b === ENTRY ? 1 : a.localeCompare(b)));
  const fileOf = (path: string) => sources.get(path)!.file;
  const partialName = (p: string) => p.slice('partials/'.length, -'.hbs'.length);
  const partialNames = new Set(templatePaths.filter((p) => p !== ENTRY).map(partialName));

  const compiled = new Map<string, TemplateFn>();
  templatePaths.forEach((path, index) => {
    const { source, file } = sources.get(path)!;
    let ast: hbs.AST.Program;
    try {
      ast = env.parse(source, { srcName: file });
    } catch (e) {
      diagnostics.push(parseErrorDiagnostic(e, file, lang));
      return;
    }
    const found = [...checkTemplateAst(ast, file, index, partialNames, lang), ...checkTemplateTags(source, file, lang)];
    diagnostics.push(...found);
    if (hasErrors(found)) return;
    const fn = env.compile(ast, COMPILE_OPTIONS) as TemplateFn;
    compiled.set(path, withFile(fn, file));
  });

  for (const [path, fn] of compiled) if (path !== ENTRY) env.registerPartial(partialName(path), fn as Handlebars.Template);

  // Manifest texts (title lines, headings) are small templates too, printed as plain text.
  const fills = new Map<string, TemplateFn>();
  if (manifest) {
    const texts: [string, (string | number)[], string][] = [
      ...manifest.title.map((line, i): [string, (string | number)[], string] => [`title.${i}`, ['title', i], line]),
      ...Object.entries(manifest.parts.headings).map(([kind, text]): [string, (string | number)[], string] => [`parts.headings.${kind}`, ['parts', 'headings', kind], text]),
    ];
    for (const [key, path, text] of texts) {
      const where = parsed.locate(path);
      let ast: hbs.AST.Program;
      try {
        ast = env.parse(text);
      } catch (e) {
        diagnostics.push({ ...parseErrorDiagnostic(e, MANIFEST, lang), line: where.line, column: where.column });
        continue;
      }
      const found = checkTemplateAst(ast, MANIFEST, undefined, new Set(), lang).map((d) => ({ ...d, line: where.line, column: where.column }));
      diagnostics.push(...found);
      if (!hasErrors(found)) fills.set(key, withFile(env.compile(ast, { ...COMPILE_OPTIONS, noEscape: true }) as TemplateFn, MANIFEST, where.line));
    }
  }

  if (!manifest || hasErrors(diagnostics)) return { diagnostics };
  const entry = compiled.get(ENTRY)!;
  return {
    style: {
      name: options.name,
      manifest,
      files: templatePaths.map(fileOf),
      templates: Object.fromEntries(templatePaths.map((p) => [fileOf(p), sources.get(p)!.source])),
      render: (view) => entry(view),
      fill: (key, context) => {
        const fn = fills.get(key);
        if (!fn) throw new TemplateError(`no manifest text ${key}`, MANIFEST);
        return fn(context);
      },
    },
    diagnostics,
  };
}

/** `../national/partials/blocks.hbs` → `partials/blocks.hbs`: a template's path within any style. */
function templatePath(file: string): string {
  return file.replace(/^(\.\.\/[^/]+\/)+/, '');
}

/**
 * The style a manifest extends, loaded from the `../<base>/` files: nothing when it extends none;
 * diagnostics when the base is missing, circular or broken (the base's own, named from this folder).
 */
function loadBase(allFiles: Record<string, string>, manifestText: string, lang: Lang, chain: string[]): { style?: Style; diagnostics: Diagnostic[] } {
  const declared = manifestBase(manifestText);
  if (!declared) return { diagnostics: [] };
  const at = { file: MANIFEST, line: declared.line, column: declared.column, path: 'extends' };
  const name = declared.name;
  // A value that is not a style name is style.schema.json's to report, with parseManifest's other problems.
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name)) return { diagnostics: [] };
  if (chain.includes(name)) {
    return {
      diagnostics: [
        error('style/extends', t(lang, `样式继承成环：${[...chain, name].join(' → ')}`, `styles extend each other in a circle: ${[...chain, name].join(' → ')}`), {
          ...at,
          hint: t(lang, '一个样式只能继承不继承它的样式。', 'A style can only extend a style that does not extend it.'),
        }),
      ],
    };
  }
  const prefix = `../${name}/`;
  if (allFiles[`${prefix}${MANIFEST}`] === undefined) {
    return {
      diagnostics: [
        error('style/extends', t(lang, `找不到所继承的样式“${name}”`, `the style "${name}" that this one extends is not found`), {
          ...at,
          hint: t(lang, '基础样式须与本样式在同一个样式文件夹中，或是随 gongwen 提供的样式（如 national）。', 'The base must sit beside this style in a styles folder, or be one that comes with gongwen (such as national).'),
        }),
      ],
    };
  }
  // The base sees its own files at the top and the other bases, which are its siblings too, as they are.
  const baseFiles: Record<string, string> = {};
  for (const [path, text] of Object.entries(allFiles)) {
    if (path.startsWith(prefix)) baseFiles[path.slice(prefix.length)] = text;
    else if (path.startsWith('../')) baseFiles[path] = text;
  }
  const loaded = loadStyleIn(baseFiles, { name, lang }, [...chain, name]);
  const named = loaded.diagnostics.map((d) => (d.file && !d.file.startsWith('../') ? { ...d, file: `${prefix}${d.file}` } : d));
  if (!loaded.style) {
    named.unshift(error('style/extends', t(lang, `所继承的样式“${name}”有错误，见下`, `the style "${name}" that this one extends has errors (below)`), at));
    return { diagnostics: named };
  }
  return { style: loaded.style, diagnostics: named.filter((d) => d.severity === 'error') };
}

function parseErrorDiagnostic(e: unknown, file: string, lang: Lang): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = err.message ?? String(e);
  // Parser errors say "Parse error on line N:" and end with "Expecting 'A', 'B', got 'X'";
  // Handlebars' own (mismatched blocks) carry lineNumber and column.
  const parse = /^Parse error on line (\d+):/.exec(message);
  const expecting = /Expecting (.*), got '?([^']*)'?\s*$/.exec(message);
  const line = parse ? Number(parse[1]) : (err.lineNumber ?? 1);
  const column = parse ? 1 : (err.column ?? 0) + 1;
  const detail = expecting
    ? t(lang, `此处应为 ${expecting[1]!.split(', ').join('、')}，却是 ${expecting[2]}`, `expected ${expecting[1]}, got ${expecting[2]}`)
    : (message.split('\n').pop() ?? message).replace(/ - \d+:\d+$/, '');
  return error('template/syntax', t(lang, `模板语法错误：${detail}`, `template syntax error: ${detail}`), { file, line, column });
}

/** Tags runtime errors with the template they came from; the innermost template wins. */
function withFile(fn: TemplateFn, file: string, fixedLine?: number): TemplateFn {
  return (context: unknown, ...rest: unknown[]) => {
    try {
      return (fn as (c: unknown, ...r: unknown[]) => string)(context, ...rest);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      const err = e as { message?: string; lineNumber?: number; column?: number };
      const message = (err.message ?? String(e)).replace(/ - \d+:\d+$/, '');
      throw new TemplateError(message, file, fixedLine ?? err.lineNumber, fixedLine === undefined && err.column !== undefined ? err.column + 1 : undefined);
    }
  };
}
