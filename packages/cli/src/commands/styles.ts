import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledStylesDir, listStyles } from 'gongwen';
import { outputFormat, usageErrors } from '../args.js';
import type { Context } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { say } from '../messages.js';
import { UsageError } from '../usage-error.js';

export async function stylesCommand(args: string[], ctx: Context): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        from: { type: 'string' },
        dir: { type: 'string' },
        'styles-dir': { type: 'string', multiple: true },
      },
    }),
  );
  const styleDirs = values['styles-dir']?.map((d) => resolve(ctx.cwd, d));
  const [sub, name, ...rest] = positionals;
  if (sub === undefined) {
    const styles = listStyles({ styleDirs });
    if (outputFormat(values.format, ctx.lang) === 'json') {
      process.stdout.write(`${JSON.stringify(styles, null, 2)}\n`);
    } else if (!styles.length) {
      process.stdout.write(`${say(ctx.lang, '没有找到样式', 'no styles found')}\n`);
    } else {
      const width = Math.max(...styles.map((s) => s.name.length));
      for (const s of styles) process.stdout.write(`${s.name.padEnd(width)}  ${s.description ?? s.region ?? ''}\n`);
    }
    return exitCodes.ok;
  }
  if (sub !== 'new') throw new UsageError(say(ctx.lang, `未知的子命令“${sub}”；可用：styles、styles new`, `unknown subcommand "${sub}"; use styles or styles new`));
  if (!name || rest.length) throw new UsageError(say(ctx.lang, '用法：gongwen styles new <名称> --from <样式>', 'usage: gongwen styles new <name> --from <style>'));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new UsageError(say(ctx.lang, `样式名称“${name}”只能包含小写字母、数字和连字符`, `style name "${name}" may hold only lowercase letters, digits and hyphens`));
  if (!values.from) throw new UsageError(say(ctx.lang, 'styles new 需要 --from <样式>', 'styles new needs --from <style>'));
  const styles = listStyles({ styleDirs });
  const from = styles.find((s) => s.name === values.from);
  if (!from) {
    process.stderr.write(`${say(ctx.lang, `没有名为“${values.from}”的样式；可用：${styles.map((s) => s.name).join(', ')}`, `no style named "${values.from}"; available: ${styles.map((s) => s.name).join(', ')}`)}\n`);
    return exitCodes.failed;
  }
  const target = join(values.dir ? resolve(ctx.cwd, values.dir) : bundledStylesDir, name);
  if (existsSync(target)) {
    process.stderr.write(`${say(ctx.lang, `${target} 已存在，未做任何改动`, `${target} already exists; nothing was changed`)}\n`);
    return exitCodes.failed;
  }
  cpSync(from.dir, target, { recursive: true });
  // The copy names itself in its manifest, so it is listed under its new name.
  for (const manifest of ['style.yaml', 'style.yml'].map((m) => join(target, m)).filter(existsSync)) {
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, /^name:/m.test(text) ? text.replace(/^name:.*$/m, `name: ${name}`) : text);
  }
  process.stdout.write(`${say(ctx.lang, `已从 ${from.name} 复制出新样式：${target}`, `created ${target} from ${from.name}`)}\n`);
  return exitCodes.ok;
}
