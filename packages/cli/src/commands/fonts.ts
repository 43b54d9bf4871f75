import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@gongwen/diagnostics';
import { defaultFonts } from 'gongwen';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';

export async function fontsCommand(args: string[], ctx: Context): Promise<number> {
  const { values } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'font-dir': { type: 'string', multiple: true },
      },
    }),
  );
  const format = outputFormat(values.format, ctx.lang);
  const fonts = await defaultFonts({ dirs: values['font-dir']?.map((d) => resolve(ctx.cwd, d)), lang: ctx.lang });
  if (format === 'json') {
    const roles = Object.fromEntries(
      Object.entries(fonts.fonts as Record<string, readonly { family: string; path: string; face?: string; source: string }[]>).map(([role, chain]) => [
        role,
        chain.map(({ family, path, face, source }) => ({ family, path, face, source })),
      ]),
    );
    process.stdout.write(`${JSON.stringify({ roles, diagnostics: fonts.diagnostics }, null, 2)}\n`);
  } else {
    process.stdout.write(`${fonts.describe()}\n`);
    for (const d of fonts.diagnostics) process.stderr.write(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color })}\n`);
  }
  return fonts.diagnostics.some((d) => d.severity === 'error') ? exitCodes.failed : exitCodes.ok;
}
