import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { error, formatDiagnostic, hasErrors, toJsonReport, type Diagnostic } from '@gongwen/diagnostics';
import { importFile, reportSchemaFile, validate } from 'gongwen';
import { outputFormat, usageErrors } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { expandInputs } from '../inputs.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

/**
 * `gongwen import <file…>`: one YAML data file per input, beside it or under `--out`, checked as
 * `gongwen validate` checks it. A file that cannot be imported gets its diagnostics and no output.
 */
export async function importCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        style: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
        format: { type: 'string' },
      },
    }),
  );
  const format = outputFormat(values.format, ctx.lang);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'import 需要至少一个文件（.docx .doc .wps .txt .md .html）', 'import needs at least one file (.docx .doc .wps .txt .md .html)'));
  const styleDirs = values['styles-dir']?.map((d) => resolve(ctx.cwd, d));
  const outDir = values.out === undefined ? undefined : resolve(ctx.cwd, values.out);
  // A folder holds YAML and everything else: import names its report files one by one (or by a glob).
  const folder = positionals.find((p) => statSync(resolve(ctx.cwd, p), { throwIfNoEntry: false })?.isDirectory());
  if (folder !== undefined) throw new UsageError(say(ctx.lang, `import 需要报告文件而不是文件夹（“${folder}”）；可写 ${folder}/*.docx`, `import takes report files, not a folder ("${folder}"); write ${folder}/*.docx`));
  const { files, missing } = expandInputs(positionals, ctx.cwd);
  const schemaFile = reportSchemaFile();
  const reports: { path: string; output?: string; diagnostics: Diagnostic[]; source?: string }[] = missing.map((m) => ({
    path: m,
    diagnostics: [error('io/not-found', say(ctx.lang, '没有匹配的文件', 'no such file, or nothing matches'), { file: m })],
  }));
  const written = new Set<string>();
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f.abs);
    } catch (e) {
      reports.push({ path: f.path, diagnostics: [error('io/read', (e as Error).message, { file: f.path })] });
      continue;
    }
    let output = join(outDir ?? dirname(f.abs), `${basename(f.abs, extname(f.abs))}.yaml`);
    // Two inputs of one name (a.docx, a.txt) must not write one file.
    for (let n = 2; written.has(output); n++) output = join(dirname(output), `${basename(f.abs, extname(f.abs))}-${n}.yaml`);
    const schema = relative(dirname(output), schemaFile).split(sep).join('/');
    const imported = await importFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { filename: f.path, style: values.style, styleDirs, lang: ctx.lang, schema });
    const diagnostics = imported.diagnostics.map((d) => (d.file ? d : { ...d, file: f.path }));
    const source = /\.(txt|md|markdown|html?)$/i.test(f.abs) ? bytes.toString('utf8') : undefined;
    if (!imported.yaml) {
      reports.push({ path: f.path, diagnostics, source });
      continue;
    }
    const shown = relative(ctx.cwd, output) || output;
    mkdirSync(dirname(output), { recursive: true });
    writeFileAtomic(output, imported.yaml);
    written.add(output);
    // What `gongwen validate` says of the written file (content-lint warnings are the copy's own slips).
    const checked = await validate(imported.yaml, { filename: shown, styleDirs, lang: ctx.lang });
    reports.push({ path: f.path, output: shown, diagnostics: [...diagnostics, ...checked.diagnostics.map((d) => ({ ...d, file: d.file ?? shown }))], source });
  }
  if (format === 'json') {
    const json = toJsonReport(reports.map(({ path, diagnostics }) => ({ path, diagnostics })));
    process.stdout.write(`${JSON.stringify({ ...json, files: json.files.map((r, i) => ({ ...r, ...(reports[i]!.output ? { output: reports[i]!.output } : {}) })) }, null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) process.stderr.write(`${formatDiagnostic(d, { source: d.file === r.path ? r.source : undefined, lang: ctx.lang, color: ctx.color })}\n`);
      if (r.output) process.stdout.write(`${say(ctx.lang, `${r.path} → ${r.output}`, `${r.path} → ${r.output}`)}\n`);
    }
    const ok = reports.filter((r) => r.output && !hasErrors(r.diagnostics)).length;
    process.stdout.write(`${say(ctx.lang, `${reports.length} 个文件：${ok} 个已导入`, `${reports.length} files: ${ok} imported`)}\n`);
  }
  return reports.some((r) => !r.output || hasErrors(r.diagnostics)) ? exitCodes.failed : exitCodes.ok;
}
