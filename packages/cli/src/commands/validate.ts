import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, toJsonReport } from '@gongwen/diagnostics';
import { validate } from 'gongwen';
import { outputFormat, parseByteSize, usageErrors } from '../args.js';
import { assetReader } from '../assets.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { checkFiles } from '../file-reports.js';
import { expandInputs } from '../inputs.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

export async function validateCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        style: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
        'max-bytes': { type: 'string' },
      },
    }),
  );
  const format = outputFormat(values.format, ctx.lang);
  const maxBytes = parseByteSize(values['max-bytes'], ctx.lang);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'validate 需要至少一个文件、目录或通配符', 'validate needs at least one file, directory or glob'));
  const { files, missing } = expandInputs(positionals, ctx.cwd);
  const reports = await checkFiles(files, missing, ctx.lang, (f, bytes) =>
    validate(bytes, { filename: f.path, style: values.style, styleDirs: values['styles-dir'], lang: ctx.lang, assets: assetReader(f.abs), ...(maxBytes !== undefined ? { maxBytes } : {}) }),
  );
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(toJsonReport(reports.map(({ path, diagnostics }) => ({ path, diagnostics }))), null, 2)}\n`);
  } else {
    let errors = 0;
    let warnings = 0;
    for (const r of reports) {
      for (const d of r.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        process.stderr.write(`${formatDiagnostic(d, { source: d.file === r.path ? r.source : undefined, lang: ctx.lang, color: ctx.color })}\n`);
      }
    }
    const clean = reports.filter((r) => !hasErrors(r.diagnostics)).length;
    process.stdout.write(
      `${say(ctx.lang, `${reports.length} 个文件：${clean} 个通过，${errors} 个错误，${warnings} 个警告`, `${reports.length} files: ${clean} valid, ${errors} errors, ${warnings} warnings`)}\n`,
    );
  }
  return reports.some((r) => hasErrors(r.diagnostics)) ? exitCodes.failed : exitCodes.ok;
}
