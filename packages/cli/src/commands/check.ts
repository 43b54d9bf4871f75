import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CheckReport } from '@gongwen/conformance';
import { error, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

interface CheckedFile {
  path: string;
  kind?: 'pdf' | 'ofd';
  report?: CheckReport;
  error?: string;
}

/** Failed rules (and an unreadable file) as diagnostics. */
function findings(f: CheckedFile, lang: Lang): Diagnostic[] {
  if (!f.report) return [error(f.kind === 'ofd' ? 'ofd/unreadable' : 'pdf/unreadable', f.error ?? '', { file: f.path })];
  return f.report.rules
    .filter((r) => !r.pass)
    .map((r) =>
      error(r.id, say(lang, `${r.title}：${r.measured}`, `${r.titleEn}: ${r.measuredEn}`), {
        file: f.path,
        hint: say(lang, `应为 ${r.expected}`, `expected ${r.expectedEn}`),
      }),
    );
}

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
  const format = outputFormat(values.format, ctx.lang);
  if (!positionals.length) throw new UsageError(say(ctx.lang, 'check 需要至少一个 PDF 或 OFD 文件', 'check needs at least one PDF or OFD file'));
  const { checkFile, fileKind, formatCheckReport } = await import('@gongwen/conformance');
  const files: CheckedFile[] = [];
  for (const path of positionals) {
    let kind: CheckedFile['kind'];
    try {
      // PDF or OFD by the file's content, whatever its name says.
      const bytes = new Uint8Array(readFileSync(path));
      kind = fileKind(bytes);
      const { kind: checked, ...report } = await checkFile(bytes, { lang: ctx.lang });
      files.push({ path, kind: checked, report });
    } catch (e) {
      // Unreadable, or neither a PDF nor an OFD: a finding about this file, not a crash.
      files.push({ path, ...(kind ? { kind } : {}), error: (e as Error).message });
    }
  }
  const ok = files.every((f) => f.report?.conformant);
  if (format === 'json') {
    // The shape every command prints ({ ok, files: [{ path, diagnostics }] }), with the full rule table beside it.
    const json = files.map((f) => ({ path: f.path, ...(f.kind ? { kind: f.kind } : {}), diagnostics: findings(f, ctx.lang), ...(f.report ? { report: f.report } : {}) }));
    process.stdout.write(`${JSON.stringify({ ok, files: json }, null, 2)}\n`);
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
