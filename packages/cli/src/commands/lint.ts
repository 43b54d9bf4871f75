import { readFileSync } from 'node:fs';
import { error, formatDiagnostic, hasErrors, toJsonReport, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { parseArgs } from 'node:util';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { expandInputs } from '../inputs.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

interface LoadedReport {
  report?: object;
  diagnostics: Diagnostic[];
  locate(path: (string | number)[]): unknown;
}
type LoadReport = (source: string, options: {
        filename?: string; lang?: Lang }) => LoadedReport;
        type LintReport = (report: object, options: { source?: string; filename?: string; locate?: unknown; lang?: Lang }) => Diagnostic[] | { diagnostics: Diagnostic[] };
        export async function lintCommand(args: string[], ctx: Context): Promise<number> {
        const { values, positionals } = usageErrors(() =>
        parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string' },
      },
    }),
  );
  const format = outputFormat(values.format);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'lint 需要至少一个文件、目录或通配符', 'lint needs at least one file, directory or glob'));
  const schema = (await import('@gongwen/schema')) as Record<string, unknown>;
  const lint = (await import('@gongwen/lint')) as Record<string, unknown>;
  const loadReport = schema.loadReport as LoadReport | undefined;
  const lintReport = lint.lintReport as LintReport | undefined;
  if (typeof loadReport !== 'function' || typeof lintReport !== 'function') {
    process.stderr.write(`${say(ctx.lang, '错误：内容检查尚未提供', 'error: content linter not available yet')}\n`);
    return exitCodes.failed;
  }
  const { files, missing } = expandInputs(positionals, ctx.cwd);
  const reports: { path: string; diagnostics: Diagnostic[]; source?: string }[] = missing.map((m) => ({
    path: m,
    diagnostics: [error('io/not-found', say(ctx.lang, '没有匹配的文件', 'no such file, or nothing matches'), { file: m })],
  }));
  for (const f of files) {
    let source: string;
    try {
      source = readFileSync(f.abs, 'utf8');
    } catch (e) {
      reports.push({ path: f.path, diagnostics: [error('io/read', (e as Error).message, { file: f.path })] });
      continue;
    }
    const loaded = loadReport(source, { filename: f.path, lang: ctx.lang });
    const diagnostics = [...loaded.diagnostics];
    if (loaded.report && !hasErrors(diagnostics)) {
      const out = lintReport(loaded.report, { source, filename: f.path, locate: loaded.locate, lang: ctx.lang });
      diagnostics.push(...(Array.isArray(out) ? out : out.diagnostics));
    }
    reports.push({ path: f.path, diagnostics: diagnostics.map((d) => (d.file ? d : { ...d, file: f.path })), source });
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(toJsonReport(reports.map(({ path, diagnostics }) => ({ path, diagnostics }))), null, 2)}\n`);
  } else {
    for (const r of reports)
      for (const d of r.diagnostics) process.stderr.write(`${formatDiagnostic(d, { source: d.file === r.path ? r.source : undefined, lang: ctx.lang, color: ctx.color })}\n`);
  }
  return reports.some((r) => hasErrors(r.diagnostics)) ? exitCodes.failed : exitCodes.ok;
}
