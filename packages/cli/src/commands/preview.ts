import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@gongwen/diagnostics';
import { serveWorkbench, workbenchDir } from '@gongwen/workbench';
import { defaultFonts } from 'gongwen';
import { usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

/**
 * Serves the workbench with one report loaded, rendering with this machine's fonts (so its
 * downloads are what `gongwen render` writes here), and reloads the report when it changes on disk:
 * for authors who keep their own editor. Runs until interrupted.
 */
export async function previewCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'font-dir': { type: 'string', multiple: true },
      },
    }),
  );
  if (positionals.length !== 1) throw new UsageError(say(ctx.lang, '请给出一个报告文件：gongwen preview <report.yaml>', 'give one report file: gongwen preview <report.yaml>'));
  const port = values.port === undefined ? 4173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(say(ctx.lang, `--port 应为 0–65535 的整数（收到“${values.port}”）`, `--port expects an integer 0–65535 (got "${values.port}")`));
  const report = resolve(ctx.cwd, positionals[0]!);
  if (!existsSync(report) || !statSync(report).isFile()) {
    process.stderr.write(`gongwen: ${say(ctx.lang, `找不到报告文件 ${report}`, `no report file at ${report}`)}\n`);
    return exitCodes.failed;
  }
  if (!existsSync(join(workbenchDir, 'index.html'))) {
    process.stderr.write(`gongwen: ${say(ctx.lang, '工作台页面尚未构建：请先运行 pnpm build', 'the workbench page is not built: run pnpm build first')}\n`);
    return exitCodes.failed;
  }
  const fonts = await defaultFonts({ dirs: values['font-dir']?.map((d) => resolve(ctx.cwd, d)), lang: ctx.lang });
  for (const d of fonts.diagnostics) process.stderr.write(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color })}\n`);
  let server;
  try {
    server = await serveWorkbench({ report, port, host: values.host ?? '127.0.0.1', fonts: fonts.fonts });
  } catch (e) {
    const code = (e as { code?: string }).code;
    process.stderr.write(`gongwen: ${say(ctx.lang, `无法在端口 ${port} 上启动（${code ?? e}）；可用 --port 换一个端口`, `cannot listen on port ${port} (${code ?? e}); choose another with --port`)}\n`);
    return exitCodes.failed;
  }
  process.stdout.write(`${say(ctx.lang, `工作台：${server.url}（${report}，文件改动后自动刷新；Ctrl+C 结束）`, `workbench: ${server.url} (${report}, reloads when the file changes; Ctrl+C to stop)`)}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return exitCodes.ok;
}
