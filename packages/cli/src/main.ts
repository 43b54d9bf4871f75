import { pickLang, say } from './messages.js';
import type { Context } from './context.js';
import { exitCodes } from './exit-codes.js';
import { helpText, isHelpTopic } from './usage.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';

type Command = (args: string[], ctx: Context) => Promise<number>;

// Commands are imported when run, so `--help` and a one-file render start fast.
const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  render: async () => (await import('./commands/render.js')).renderCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  styles: async () => (await import('./commands/styles.js')).stylesCommand,
  fonts: async () => (await import('./commands/fonts.js')).fontsCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  worker: async () => (await import('./commands/worker.js')).workerCommand,
  preview: async () => (await import('./commands/preview.js')).previewCommand,
};

/** Runs the command line and returns the exit code. Throws only for bugs. */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const langAt = argv.indexOf('--lang');
  const langArg = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const ctx: Context = { lang: pickLang(langArg), color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR, cwd };
  // `--lang` is common to every command; take it out before the command parses its own options.
  const [name, ...rest] = argv.filter((a, i) => !(a === '--lang' || a.startsWith('--lang=') || (i > 0 && argv[i - 1] === '--lang')));
  try {
    if (langArg !== undefined && langArg !== 'zh' && langArg !== 'en') throw new UsageError(`--lang expects zh or en (got "${langArg}") / --lang 只能是 zh 或 en`);
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      process.stdout.write(`${helpText(topic && isHelpTopic(topic) ? topic : 'main', ctx.lang)}\n`);
      return name === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (name === '-v' || name === '--version') {
      process.stdout.write(`${version}\n`);
      return exitCodes.ok;
    }
    const load = commands[name];
    if (!load) throw new UsageError(say(ctx.lang, `未知的命令“${name}”`, `unknown command "${name}"`));
    if (rest.includes('-h') || rest.includes('--help')) {
      process.stdout.write(`${helpText(isHelpTopic(name) ? name : 'main', ctx.lang)}\n`);
      return exitCodes.ok;
    }
    return await (await load())(rest, ctx);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const hint = name && commands[name] ? `gongwen ${name} --help` : 'gongwen --help';
    process.stderr.write(`gongwen: ${e.message}\n${say(ctx.lang, `用法见 ${hint}`, `see ${hint}`)}\n`);
    return exitCodes.usage;
  }
}
