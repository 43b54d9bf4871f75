import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledStylesDir, listStyles, resolveStyle, type Style } from 'gongwen';
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
  if (from.name === name) {
    // A style of the same name in another folder replaces that one outright: a full copy to edit.
    cpSync(from.dir, target, { recursive: true });
    process.stdout.write(`${say(ctx.lang, `已从 ${from.name} 复制出新样式：${target}`, `created ${target} from ${from.name}`)}\n`);
    return exitCodes.ok;
  }
  const base = await resolveStyle(from.name, { styleDirs, lang: ctx.lang });
  if (!base.style) {
    process.stderr.write(`${say(ctx.lang, `样式 ${from.name} 有错误，不能作为基础样式`, `the style ${from.name} has errors and cannot be extended`)}\n`);
    return exitCodes.failed;
  }
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'style.yaml'), extendingManifest(name, base.style.manifest, ctx.lang));
  writeFileSync(join(target, 'README.md'), say(ctx.lang, `# ${name}\n\n在 ${from.name} 样式基础上的写法。写明它依据哪份报告，与 ${from.name} 有何不同。\n`, `# ${name}\n\nA variant of the ${from.name} style. Say which report it follows and how it differs from ${from.name}.\n`));
  process.stdout.write(`${say(ctx.lang, `已新建样式 ${target}，继承 ${from.name}`, `created ${target}, extending ${from.name}`)}\n`);
  return exitCodes.ok;
}

/**
 * The manifest of a new style over `base`: the title to edit, and the base's headings as comments
 * to copy from; everything else, templates included, stays the base's.
 */
function extendingManifest(name: string, base: Style['manifest'], lang: Context['lang']): string {
  const quote = (text: string) => JSON.stringify(text);
  const lines = [
    say(lang, `# ${name}：只写与 ${base.name} 不同之处，其余（包括模板）沿用 ${base.name}。见 templates/README.md。`, `# ${name}: say only what differs from ${base.name}; the rest, templates included, is ${base.name}'s. See templates/README.md.`),
    `name: ${name}`,
    `extends: ${base.name}`,
    `region: ${quote(base.region)}`,
    `description: ${quote(say(lang, `在 ${base.name} 样式基础上的写法（请改写这句说明）。`, `A variant of the ${base.name} style (describe it here).`))}`,
    '',
    say(lang, '# 默认标题（报告未写标题时使用）。', '# The default title (when a report gives none).'),
    'title:',
    ...base.title.map((line) => `  - ${quote(line)}`),
    '',
    say(lang, `# 要改措辞、顺序或必备部分时，取消注释并修改（${base.name} 的写法如下）：`, `# To change wording, order or the required parts, uncomment and edit (${base.name}'s are below):`),
    '# parts:',
    `#   order: [${base.parts.order.join(', ')}]`,
    `#   required: [${base.parts.required.join(', ')}]`,
    '#   headings:',
    ...Object.entries(base.parts.headings).map(([kind, text]) => `#     ${kind}: ${quote(text)}`),
    '',
  ];
  return lines.join('\n');
}
