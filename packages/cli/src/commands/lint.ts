import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, toJsonReport } from '@gongwen/diagnostics';
import { lint } from 'gongwen';
import { outputFormat, usageErrors } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { checkFiles } from '../file-reports.js';
import { expandInputs } from '../inputs.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

export async function lintCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        style: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
      },
    }),
  );
  const format = outputFormat(values.format, ctx.lang);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'lint 需要至少一个文件、目录或通配符', 'lint needs at least one file, directory or glob'));
  const styleDirs = values['styles-dir']?.map((d) => resolve(ctx.cwd, d));
  const { files, missing } = expandInputs(positionals, ctx.cwd);
  const reports = await checkFiles(files, missing, ctx.lang, async (f, bytes) => {
    const result = await lint(bytes, { filename: f.path, style: values.style, styleDirs, lang: ctx.lang, fix: values.fix });
    if (result.fixed !== undefined) writeFileAtomic(f.abs, result.fixed);
    return { diagnostics: result.diagnostics, ...(result.fixed !== undefined ? { source: result.fixed } : {}) };
  });
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(toJsonReport(reports.map(({ path, diagnostics }) => ({ path, diagnostics }))), null, 2)}\n`);
  } else {
    let count = 0;
    for (const r of reports) {
      for (const d of r.diagnostics) {
        count++;
        process.stderr.write(`${formatDiagnostic(d, { source: d.file === r.path ? r.source : undefined, lang: ctx.lang, color: ctx.color })}\n`);
      }
    }
    process.stdout.write(`${say(ctx.lang, `${reports.length} 个文件，${count} 条提示`, `${reports.length} files, ${count} findings`)}\n`);
  }
  return reports.some((r) => hasErrors(r.diagnostics)) ? exitCodes.failed : exitCodes.ok;
}
