import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

interface RuleResult {
  id: string;
  title: string;
  pass: boolean;
  measured: unknown;
  expected: unknown;
}

type CheckPdf = (bytes: Uint8Array, options?: { lang?: string }) => Promise<{ rules: RuleResult[] }>;

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
  const conformance = (await import('@gongwen/conformance')) as Record<string, unknown>;
  const checkPdf = conformance.checkPdf as CheckPdf | undefined;
  if (typeof checkPdf !== 'function') {
    process.stderr.write(`${say(ctx.lang, '错误：PDF 格式检查尚未提供', 'error: PDF conformance check not available yet')}\n`);
    return exitCodes.failed;
  }
  const files: { path: string; pass: boolean; rules: RuleResult[]; error?: string }[] = [];
  for (const path of positionals) {
    try {
      const report = await checkPdf(readFileSync(path), { lang: ctx.lang });
      files.push({ path, pass: report.rules.every((r) => r.pass), rules: report.rules });
    } catch (e) {
      // Unreadable or not a PDF: a finding about this file, not a crash.
      files.push({ path, pass: false, rules: [], error: (e as Error).message });
    }
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ ok: files.every((f) => f.pass), files }, null, 2)}\n`);
  } else {
    for (const f of files) {
      process.stdout.write(`${f.path}\n`);
      if (f.error) process.stdout.write(`  ${say(ctx.lang, '无法读取', 'cannot read')}: ${f.error}\n`);
      const idWidth = Math.max(0, ...f.rules.map((r) => r.id.length));
      for (const r of f.rules) {
        const mark = r.pass ? say(ctx.lang, '合格  ', 'pass') : say(ctx.lang, '不合格', 'FAIL');
        process.stdout.write(`  ${mark.padEnd(6)} ${r.id.padEnd(idWidth)}  ${r.title}: ${show(r.measured)}${r.pass ? '' : ` (${say(ctx.lang, '应为', 'expected')} ${show(r.expected)})`}\n`);
      }
      const failed = f.rules.filter((r) => !r.pass).length;
      process.stdout.write(`  ${f.pass ? say(ctx.lang, '符合 GB/T 9704', 'conformant to GB/T 9704') : say(ctx.lang, `${failed} 条不合格`, `${failed} rules failed`)}\n`);
    }
  }
  return files.every((f) => f.pass) ? exitCodes.ok : exitCodes.failed;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
