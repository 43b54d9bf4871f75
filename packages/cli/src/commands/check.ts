import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CheckReport } from '@gongwen/conformance';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

export async function checkCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
      },
    }),
  );
  const format = outputFormat(values.format);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'check 需要至少一个 PDF 文件', 'check needs at least one PDF file'));
  const { checkPdf, formatCheckReport } = await import('@gongwen/conformance');
  const files: { path: string; report?: CheckReport; error?: string }[] = [];
  for (const path of positionals) {
    try {
      files.push({ path, report: await checkPdf(new Uint8Array(readFileSync(path)), { lang: ctx.lang }) });
    } catch (e) {
      // Unreadable, or not a PDF: a finding about this file, not a crash.
      files.push({ path, error: (e as Error).message });
    }
  }
  const ok = files.every((f) => f.report?.conformant);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ ok, files }, null, 2)}\n`);
  } else {
    for (const f of files) {
      process.stdout.write(`${f.path}\n`);
      if (!f.report) {
        process.stdout.write(`${say(ctx.lang, '错误', 'error')}: ${f.error}\n\n`);
        continue;
      }
      process.stdout.write(`${formatCheckReport(f.report, { lang: ctx.lang, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR })}\n\n`);
    }
  }
  return ok ? exitCodes.ok : exitCodes.failed;
}
