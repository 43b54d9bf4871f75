import { existsSync, lstatSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { error, formatDiagnostic } from '@gongwen/diagnostics';
import { allFormats, clearStyleCache, isFormat, listStyles, type Format } from 'gongwen';
import { parseByteSize, usageErrors } from '../args.js';
import { makeDir, removeEmptyDirs, removeStaleTemps } from '../atomic-write.js';
import { runBatch } from '../batch.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { expandInputs, outputPath, parseShard, shardOf, type InputFile } from '../inputs.js';
import { manifestPath, readManifest, writeManifest, type Manifest } from '../manifest.js';
import { say } from '../messages.js';
import { Progress, type ProgressMode } from '../progress.js';
import type { RenderJob, RenderRecord } from '../render-job.js';
import { UsageError } from '../usage-error.js';

const defaultFormats: Format[] = ['pdf', 'docx'];

export async function renderCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        style: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
        'font-dir': { type: 'string', multiple: true },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        changed: { type: 'boolean' },
        watch: { type: 'boolean' },
        'fail-fast': { type: 'boolean' },
        strict: { type: 'boolean' },
        'allow-missing-glyphs': { type: 'boolean' },
        'max-bytes': { type: 'string' },
        'embed-fonts': { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    }),
  );
  const { lang } = ctx;
  if (!positionals.length) throw new UsageError(say(lang, 'render 需要至少一个文件、目录或通配符', 'render needs at least one file, directory or glob'));
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(say(lang, `--jobs 应为不小于 1 的整数（收到“${values.jobs}”）`, `--jobs expects a whole number ≥ 1 (got "${values.jobs}")`));
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, lang);
  if (typeof shard === 'string') throw new UsageError(shard);
  if (values.watch && values.shard) throw new UsageError(say(lang, '--watch 不能与 --shard 同用', '--watch and --shard cannot be combined'));
  const formats = parseFormats(values.format, lang);
  const maxBytes = parseByteSize(values['max-bytes'], lang);

  const outDir = values.out === undefined ? undefined : resolve(ctx.cwd, values.out);
  const expanded = expandInputs(positionals, ctx.cwd);
  const inputs = shard ? shardOf(expanded.files, shard) : expanded.files;
  const mode: ProgressMode = values.json ? 'json' : values.quiet ? 'quiet' : process.stderr.isTTY && !values.watch ? 'bar' : 'lines';
  const progress = new Progress(mode, inputs.length + expanded.missing.length, lang, ctx.color);
  for (const m of expanded.missing) {
    progress.record({ input: m, status: 'failed', outputs: [], ms: 0, diagnostics: [error('io/not-found', say(lang, '没有匹配的文件', 'no such file, or nothing matches'), { file: m })] });
  }

  const clash = findClash(inputs, formats, outDir);
  if (clash) {
    process.stderr.write(`${formatDiagnostic(error('io/output-clash', say(lang, `${clash[0]} 与 ${clash[1]} 会写到同一个输出文件`, `${clash[0]} and ${clash[1]} would write the same output file`), { hint: say(lang, '把它们放在不同的目录下，或分开运行', 'keep them in different folders, or render them in separate runs') }), { lang, color: ctx.color })}\n`);
    return exitCodes.failed;
  }

  // An output folder that cannot be made fails the run at once, before any report is rendered.
  let madeDirs: string[] = [];
  if (outDir !== undefined && inputs.length) {
    try {
      madeDirs = makeDir(outDir);
    } catch (e) {
      const reason = (e as Error).message;
      process.stderr.write(
        `${formatDiagnostic(
          error('io/out-dir', say(lang, `无法创建输出目录 ${outDir}：${reason}`, `cannot create the output folder ${outDir}: ${reason}`), {
            file: values.out,
            hint: say(lang, '请用 --out 指定一个可以写入的普通目录', 'give --out a writable ordinary folder'),
          }),
          { lang, color: ctx.color },
        )}\n`,
      );
      return exitCodes.failed;
    }
  }

  const manifestFile = values.changed ? manifestPath(outDir ?? ctx.cwd, shard) : undefined;
  const manifest: Manifest | undefined = manifestFile ? readManifest(manifestFile) : undefined;
  const jobFor = (f: InputFile): RenderJob => ({
    input: f.abs,
    display: f.path,
    outputs: Object.fromEntries(formats.map((fmt) => [fmt, outputPath(f, fmt, outDir)])),
    formats,
    style: values.style,
    styleDirs: values['styles-dir']?.map((d) => resolve(ctx.cwd, d)),
    fontDirs: values['font-dir']?.map((d) => resolve(ctx.cwd, d)),
    lang,
    strict: values.strict ?? false,
    allowMissingGlyphs: values['allow-missing-glyphs'] ?? false,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    embedFonts: values['embed-fonts'] ?? false,
    previous: manifest?.entries[f.path],
    track: manifest !== undefined,
  });
  let flushed = performance.now();
  const onRecord = (r: RenderRecord) => {
    progress.record(r);
    if (manifest && manifestFile) {
      if (r.entry) manifest.entries[r.input] = r.entry;
      else delete manifest.entries[r.input];
      // Save now and then, so a run that is killed keeps what it finished.
      if (performance.now() - flushed > 5000) {
        writeManifest(manifestFile, manifest);
        flushed = performance.now();
      }
    }
  };

  progress.start();
  removeStaleTemps(new Set(inputs.flatMap((f) => formats.map((fmt) => dirname(outputPath(f, fmt, outDir))))));
  const { stopped } = await runBatch(inputs.map(jobFor), { jobs, failFast: values['fail-fast'] ?? false, onRecord });
  if (manifest && manifestFile) writeManifest(manifestFile, manifest);
  // A run that wrote nothing leaves no empty output folder behind.
  removeEmptyDirs(madeDirs);
  const summary = progress.summary();
  if (stopped && mode !== 'json') process.stderr.write(`${say(lang, '--fail-fast：在第一个失败后停止', '--fail-fast: stopped at the first failure')}\n`);
  if (values.watch) return watchLoop({ positionals, inputs, styleDirs: values['styles-dir']?.map((d) => resolve(ctx.cwd, d)) }, jobFor, onRecord, ctx);
  return summary.failed || expanded.missing.length ? exitCodes.failed : exitCodes.ok;
}

/** The formats asked for, or PDF and DOCX. */
function parseFormats(value: string | undefined, lang: Context['lang']): Format[] {
  if (value === undefined) return defaultFormats;
  const list = [...new Set(value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  for (const f of list) if (!isFormat(f)) throw new UsageError(say(lang, `--format：没有“${f}”这种格式（可选 ${allFormats.join(', ')}）`, `--format: unknown format "${f}" (choose from ${allFormats.join(', ')})`));
  if (!list.length) throw new UsageError(say(lang, '--format 应为逗号分隔的列表，如 pdf,docx', '--format expects a list such as pdf,docx'));
  return list as Format[];
}

function findClash(inputs: InputFile[], formats: Format[], outDir: string | undefined): [string, string] | undefined {
  const seen = new Map<string, string>();
  const ext = formats[0] ?? 'pdf';
  for (const f of inputs) {
    const p = outputPath(f, ext, outDir);
    const other = seen.get(p);
    if (other) return [other, f.path];
    seen.set(p, f.path);
  }
  return undefined;
}

/** `--watch`: re-render a report when its YAML changes (or appears in a watched folder), and every report when a style's templates change. */
async function watchLoop(
  args: { positionals: string[]; inputs: InputFile[]; styleDirs: string[] | undefined },
  jobFor: (f: InputFile) => RenderJob,
  onRecord: (r: RenderRecord) => void,
  ctx: Context,
): Promise<number> {
  const { runJob, forgetStylesKey } = await import('../render-job.js');
  const known = new Map(args.inputs.map((f) => [f.abs, f]));
  const pending = new Set<InputFile>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    const batch = [...pending];
    pending.clear();
    running = running.then(async () => {
      for (const f of batch) if (existsSync(f.abs)) onRecord(await runJob({ ...jobFor(f), previous: undefined }));
    });
  };
  const schedule = (files: Iterable<InputFile>) => {
    for (const f of files) pending.add(f);
    clearTimeout(timer);
    timer = setTimeout(flush, 80);
  };
  const changed = (abs: string) => {
    if (!/\.ya?ml$/i.test(abs)) return;
    let f = known.get(abs);
    if (!f) {
      // A report added to a watched folder: render it if the arguments name it.
      f = expandInputs(args.positionals, ctx.cwd).files.find((x) => x.abs === abs);
      if (!f) return;
      known.set(abs, f);
    }
    schedule([f]);
  };
  // Watch folders, not files: editors often save by renaming a new file over the old one.
  const watchers = new Map<string, FSWatcher>();
  const folders = new Map<string, boolean>();
  for (const f of args.inputs) folders.set(dirname(f.abs), false);
  for (const p of args.positionals) {
    const abs = resolve(ctx.cwd, p);
    if (existsSync(abs) && statSync(abs).isDirectory()) folders.set(abs, true);
  }
  // Whole trees first, so a folder inside one is watched with its subfolders.
  for (const [dir, recursive] of [...folders].sort((a, b) => Number(b[1]) - Number(a[1]))) watchTree(dir, recursive, changed, watchers);
  for (const s of listStyles({ styleDirs: args.styleDirs })) {
    watchTree(s.dir, true, () => {
      clearStyleCache();
      forgetStylesKey();
      schedule(known.values());
    }, watchers);
  }
  process.stderr.write(`${say(ctx.lang, '正在监视改动，按 Ctrl+C 退出', 'watching for changes; press Ctrl+C to stop')}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // Nothing may keep the process alive after Ctrl+C: close every watcher, drop what was pending.
  clearTimeout(timer);
  pending.clear();
  for (const w of watchers.values()) w.close();
  await running;
  return exitCodes.ok;
}

/**
 * Watches a folder (and, when `recursive`, every folder below it, including ones made later)
 * with one plain watcher per folder. A folder's watcher sees a file saved by renaming a new
 * one over it (what `sed -i` and most editors do) as often as it happens; Node's recursive
 * watch on Linux watches the files themselves and loses a file once it is replaced. Symbolic
 * links to folders are not followed, as in the inputs. `onChange` gets each path that changed.
 */
function watchTree(root: string, recursive: boolean, onChange: (path: string) => void, watchers: Map<string, FSWatcher>): void {
  const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';
  const add = (dir: string, announce: boolean) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        if (recursive && !skipped(name.toString()) && isFolder(path)) add(path, true);
        onChange(path);
      });
    } catch {
      return; // gone, or not readable: nothing to watch there
    }
    // A watched folder that is deleted ends its watcher; a new one of that name is picked up by its parent.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watcher.on('close', () => watchers.delete(dir));
    watchers.set(dir, watcher);
    if (!recursive) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && !skipped(e.name)) add(path, announce);
      // Files that arrived with a folder moved in are new reports too.
      else if (announce && e.isFile()) onChange(path);
    }
  };
  add(root, false);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true && !lstatIsLink(path);
  } catch {
    return false;
  }
}

function lstatIsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
