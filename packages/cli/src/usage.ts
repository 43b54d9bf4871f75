import type { Lang } from '@gongwen/diagnostics';

const zh = {
  main: `用法: gongwen <命令> [选项]

把法治政府建设年度报告的 YAML 数据排成符合 GB/T 9704-2012 的 PDF 和 DOCX。

命令:
  validate <文件|目录|通配符…>   检查报告数据（YAML、数据结构、样式）
  render <文件|目录|通配符…>     生成 PDF / DOCX / 文本，一份或成千上万份
  lint <文件…>                  检查内容（年份、统计数字、标点）
  check <file.pdf…>             按 GB/T 9704 测量 PDF，逐条列出是否合格
  styles                        列出样式；styles new <名称> --from <样式> 复制一个样式
  fonts                         列出每个字体角色所用的字体文件及原因
  preview <report.yaml>         在浏览器工作台中预览，文件改动后自动刷新

通用选项:
  --lang zh|en      消息语言（默认中文，或环境变量 GONGWEN_LANG）
  -h, --help        显示帮助；gongwen <命令> --help 显示该命令的帮助
  -v, --version     显示版本

退出码: 0 成功；1 有错误或不合格；2 用法错误；70 内部错误。`,
  validate: `用法: gongwen validate <文件|目录|通配符…> [选项]

  --style <名称>        按指定样式检查（覆盖数据中的 style）
  --styles-dir <目录>   另外查找样式的文件夹
  --format text|json    输出格式；json 输出 { ok, files: [{ path, diagnostics }] }
  --lang zh|en          消息语言`,
  render: `用法: gongwen render <文件|目录|通配符…> [选项]

  --format <列表>       输出格式，逗号分隔：pdf,docx,txt,md（默认 pdf,docx）
  -o, --out <目录>      输出文件夹；目录输入的层级在其下保持不变（默认与输入文件同目录）
  --style <名称>        使用指定样式（覆盖数据中的 style）
  --styles-dir <目录>   另外查找样式的文件夹
  --font-dir <目录>     先在此查找字体（也可用环境变量 GONGWEN_FONT_DIR）
  -j, --jobs <N>        并行线程数（默认 CPU 核数）
  --shard <k/n>         只生成输入列表 n 个确定分片中的第 k 个
  --changed             跳过自上次运行以来数据、样式、字体和版本都未变的报告
  --watch               YAML 或样式模板改变时重新生成
  --fail-fast           第一个失败后停止
  --strict              字体缺字视为错误
  --embed-fonts         在 DOCX 中嵌入字体
  --json                每个文件输出一行 JSON 记录
  -q, --quiet           只输出错误
  --lang zh|en          消息语言`,
  lint: `用法: gongwen lint <文件|目录|通配符…> [选项]

  --fix                 自动改正可改正的问题（如半角标点），直接改写 YAML 文件
  --style <名称>        按指定样式检查法定部分
  --format text|json    输出格式
  --lang zh|en          消息语言`,
  check: `用法: gongwen check <file.pdf…> [--format text|json] [--lang zh|en]

逐条列出 GB/T 9704 规则的测量值和是否合格；全部合格退出码为 0，否则为 1。`,
  styles: `用法: gongwen styles [--format text|json] [--styles-dir <目录>]
      gongwen styles new <名称> --from <样式> [--dir <目录>]

  --from <样式>   复制哪个样式
  --dir <目录>    新样式放在哪个文件夹下（默认为内置样式文件夹）`,
  fonts: `用法: gongwen fonts [--font-dir <目录>] [--format text|json] [--lang zh|en]`,
  preview: `用法: gongwen preview <report.yaml> [选项]

在本机浏览器工作台中打开报告：左边是数据，右边是排好的页面；文件在你的编辑器中保存后自动刷新。
页面用本机的字体生成，下载的 PDF / DOCX 与 gongwen render 在本机的结果相同；数据不会离开本机。

  --port <N>            端口（默认 4173；0 表示任选一个空闲端口）
  --host <地址>         监听地址（默认 127.0.0.1，只有本机可访问）
  --font-dir <目录>     先在此查找字体（也可用环境变量 GONGWEN_FONT_DIR）`,
};

const en: typeof zh = {
  main: `Usage: gongwen <command> [options]

Typesets 法治政府建设年度报告 data (YAML) as GB/T 9704-2012 PDF and DOCX.

Commands:
  validate <files|dirs|globs…>   check report data (YAML, schema, style)
  render <files|dirs|globs…>     produce PDF / DOCX / text, for one report or ten thousand
  lint <files…>                  check the content (years, figures, punctuation)
  check <file.pdf…>              measure a PDF against GB/T 9704, pass/fail per rule
  styles                         list the styles; styles new <name> --from <style> copies one
  fonts                          show the font file used for each role, and why
  preview <report.yaml>          preview in the browser workbench, reloaded when the file changes

Common options:
  --lang zh|en      message language (default Chinese, or GONGWEN_LANG)
  -h, --help        show help; gongwen <command> --help for a command
  -v, --version     show the version

Exit codes: 0 success; 1 errors or not conformant; 2 usage error; 70 internal error.`,
  validate: `Usage: gongwen validate <files|dirs|globs…> [options]

  --style <name>        check against this style (overrides the data's style)
  --styles-dir <dir>    another folder to look for styles in
  --format text|json    output; json prints { ok, files: [{ path, diagnostics }] }
  --lang zh|en          message language`,
  render: `Usage: gongwen render <files|dirs|globs…> [options]

  --format <list>       comma-separated: pdf,docx,txt,md (default pdf,docx)
  -o, --out <dir>       output folder; a directory input's tree is mirrored under it (default: beside each input)
  --style <name>        render in this style (overrides the data's style)
  --styles-dir <dir>    another folder to look for styles in
  --font-dir <dir>      look for fonts here first (also GONGWEN_FONT_DIR)
  -j, --jobs <N>        worker threads (default: the number of cores)
  --shard <k/n>         render only the k-th of n deterministic slices of the inputs
  --changed             skip reports whose data, style, fonts and version have not changed since the last run
  --watch               re-render when a YAML file or its style's templates change
  --fail-fast           stop at the first failure
  --strict              a character missing from the fonts is an error
  --embed-fonts         embed the fonts in the DOCX
  --json                one JSON record per file
  -q, --quiet           print nothing but errors
  --lang zh|en          message language`,
  lint: `Usage: gongwen lint <files|dirs|globs…> [options]

  --fix                 rewrite the YAML files to fix what can be fixed (e.g. half-width punctuation)
  --style <name>        check the statutory parts this style demands
  --format text|json    output
  --lang zh|en          message language`,
  check: `Usage: gongwen check <file.pdf…> [--format text|json] [--lang zh|en]

Prints every GB/T 9704 rule with its measured value and pass/fail; exit 0 when all pass, 1 otherwise.`,
  styles: `Usage: gongwen styles [--format text|json] [--styles-dir <dir>]
       gongwen styles new <name> --from <style> [--dir <dir>]

  --from <style>   the style to copy
  --dir <dir>      the folder to create the new style in (default: the bundled styles folder)`,
  fonts: `Usage: gongwen fonts [--font-dir <dir>] [--format text|json] [--lang zh|en]`,
  preview: `Usage: gongwen preview <report.yaml> [options]

Opens the report in the workbench in your browser: the data on the left, the typeset pages on the
right, reloaded whenever your editor saves the file. The pages use this machine's fonts, so the PDF
and DOCX downloaded are what gongwen render writes here; the data never leaves this machine.

  --port <N>            port (default 4173; 0 picks a free one)
  --host <address>      address to listen on (default 127.0.0.1: this machine only)
  --font-dir <dir>      search this folder for fonts first (or GONGWEN_FONT_DIR)`,
};

export type HelpTopic = keyof typeof zh;

export function helpText(topic: HelpTopic, lang: Lang): string {
  return (lang === 'en' ? en : zh)[topic];
}

export function isHelpTopic(s: string): s is HelpTopic {
  return s in zh;
}
