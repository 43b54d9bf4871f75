import type { Lang } from '@gongwen/diagnostics';

const zh = {
  main: `用法: gongwen <命令> [选项]

把法治政府建设年度报告的 YAML 数据排成符合 GB/T 9704-2012 的 PDF 和 DOCX。

命令:
  validate <文件|目录|通配符…>   检查报告数据（YAML、数据结构、样式）
  render <文件|目录|通配符…>     生成 PDF / DOCX / 文本，一份或成千上万份
  lint <文件…>                  检查内容（年份、统计数字、标点）
  check <file.pdf|file.ofd…>    按 GB/T 9704 测量 PDF 或 OFD，逐条列出是否合格
  styles                        列出样式；styles new <名称> --from <样式> 新建继承它的样式
  fonts                         列出每个字体角色所用的字体文件及原因
  import <文件…>                把已有的报告（.docx .doc .wps .txt .md .html）转换为 YAML 数据
  serve                         作为 HTTP 服务运行（/v1/render 等；--queue 时接收队列任务）
  worker --queue redis://…      从 Redis 队列取任务并渲染，可在任意多台机器上运行
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
  --max-bytes <大小>    报告文件的大小上限（默认 1MiB），如 4MiB
  --lang zh|en          消息语言`,
  render: `用法: gongwen render <文件|目录|通配符…> [选项]

  --format <列表>       输出格式，逗号分隔：pdf,docx,txt,md,html,ofd（默认 pdf,docx）
  -o, --out <目录>      输出文件夹；目录输入的层级在其下保持不变（默认与输入文件同目录）
  --style <名称>        使用指定样式（覆盖数据中的 style）
  --styles-dir <目录>   另外查找样式的文件夹
  --font-dir <目录>     先在此查找字体（也可用环境变量 GONGWEN_FONT_DIR）
  -j, --jobs <N>        并行线程数（默认 CPU 核数）
  --shard <k/n>         只生成输入列表 n 个确定分片中的第 k 个
  --changed             跳过自上次运行以来数据、样式、字体和版本都未变的报告
  --watch               YAML 或样式模板改变时重新生成
  --fail-fast           第一个失败后停止
  --strict              内容检查（lint）的问题视为错误
  --allow-missing-glyphs  字体缺字时仍生成 PDF（该字印成空框），只给警告
  --max-bytes <大小>    报告文件的大小上限（默认 1MiB），如 4MiB
  --embed-fonts         在 DOCX 中嵌入字体
  --json                每个文件输出一行 JSON 记录
  -q, --quiet           只输出错误
  --lang zh|en          消息语言`,
  lint: `用法: gongwen lint <文件|目录|通配符…> [选项]

  --fix                 自动改正可改正的问题（如半角标点），直接改写 YAML 文件
  --style <名称>        按指定样式检查法定部分
  --format text|json    输出格式
  --lang zh|en          消息语言`,
  check: `用法: gongwen check <file.pdf|file.ofd…> [--format text|json] [--lang zh|en]

逐条列出 GB/T 9704 规则的测量值和是否合格；PDF 与 OFD 按文件内容区分。全部合格退出码为 0，否则为 1。`,
  styles: `用法: gongwen styles [--format text|json] [--styles-dir <目录>]
      gongwen styles new <名称> --from <样式> [--dir <目录>]

  --from <样式>   复制哪个样式
  --dir <目录>    新样式放在哪个文件夹下（默认为内置样式文件夹）`,
  fonts: `用法: gongwen fonts [--font-dir <目录>] [--format text|json] [--lang zh|en]`,
  import: `用法: gongwen import <文件…> [选项]

每个输入写出一个 YAML 数据文件（原文文字不改，导入时的猜测写在注释中）；.doc/.wps 需要 LibreOffice。

  -o, --out <目录>      输出文件夹（默认与输入文件同目录）
  --style <名称>        数据中写的样式（默认按报告提到的省份选择，否则 national）
  --styles-dir <目录>   另外查找样式的文件夹
  --format text|json    输出格式
  --lang zh|en          消息语言`,
  serve: `用法: gongwen serve [选项]

  --host <地址>          监听的地址（默认 127.0.0.1，只接受本机连接）
  -p, --port <端口>      端口（默认 8080；0 为任意空闲端口）
  -j, --threads <N>      渲染线程数（默认 CPU 核数）
  --max-queue <N>        线程全忙时最多排队的请求数，超过回答 429（默认每线程 4 个）
  --timeout <毫秒>       单次渲染的时限，超过即停止并回答 503（默认 60000）
  --body-limit <字节>    请求体上限，超过回答 413（默认 10 MiB）
  --token <令牌>         要求 Authorization: Bearer <令牌>（也可用环境变量 GONGWEN_TOKEN）
  --cors <来源>          允许这些来源的浏览器调用（默认不允许跨源）
  --queue redis://…      接收任务（POST /v1/jobs），由 gongwen worker 渲染
  --results <目录>       任务结果写到这个共享文件夹，而不是 Redis
  --ttl <秒>             任务和结果保留多久（默认 86400）
  --attempts <N>         任务最多运行几次：渲染出错或 worker 中途被杀都算一次（默认 3）
  --backoff <毫秒>       第二次运行前的等待，之后每次加倍（默认 2000）
  --styles-dir <目录>    另外查找样式的文件夹
  --font-dir <目录>      先在此查找字体
  --libreoffice          允许 POST /v1/import 用 LibreOffice 转换 .doc、.wps（默认回答 415）

收到 SIGTERM 时不再接受请求，完成进行中的请求后以 0 退出。`,
  worker: `用法: gongwen worker --queue redis://主机:端口 [选项]

  -j, --threads <N>        同时渲染几份（线程数，默认 1）
  --results <目录>         结果写到这个共享文件夹（须与 serve 的 --results 相同）
  --ttl <秒>               结果保留多久（默认 86400）
  --timeout <毫秒>         单次渲染的时限，超过则稍后重试（默认 120000）
  --lock-duration <毫秒>   任务锁的时长：进程被杀后，其任务在这段时间后交给别的 worker（默认 30000）
  --stalled-interval <毫秒> 多久检查一次被中断的任务（默认 30000）
  --json                   每完成一个任务输出一行 JSON

收到 SIGTERM 时完成手头的任务后以 0 退出。`,
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
  check <file.pdf|file.ofd…>     measure a PDF or an OFD against GB/T 9704, pass/fail per rule
  styles                         list the styles; styles new <name> --from <style> starts one that extends it
  fonts                          show the font file used for each role, and why
  import <files…>                turn an existing report (.docx .doc .wps .txt .md .html) into YAML data
  serve                          run as an HTTP service (/v1/render …; with --queue, accept jobs)
  worker --queue redis://…       render jobs from a Redis queue, on any number of machines
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
  --max-bytes <size>    the largest report file accepted (default 1MiB), e.g. 4MiB
  --lang zh|en          message language`,
  render: `Usage: gongwen render <files|dirs|globs…> [options]

  --format <list>       comma-separated: pdf,docx,txt,md,html,ofd (default pdf,docx)
  -o, --out <dir>       output folder; a directory input's tree is mirrored under it (default: beside each input)
  --style <name>        render in this style (overrides the data's style)
  --styles-dir <dir>    another folder to look for styles in
  --font-dir <dir>      look for fonts here first (also GONGWEN_FONT_DIR)
  -j, --jobs <N>        worker threads (default: the number of cores)
  --shard <k/n>         render only the k-th of n deterministic slices of the inputs
  --changed             skip reports whose data, style, fonts and version have not changed since the last run
  --watch               re-render when a YAML file or its style's templates change
  --fail-fast           stop at the first failure
  --strict              the content findings (lint) are errors
  --allow-missing-glyphs  make the PDF even when a character has no glyph (an empty box), with a warning
  --max-bytes <size>    the largest report file accepted (default 1MiB), e.g. 4MiB
  --embed-fonts         embed the fonts in the DOCX
  --json                one JSON record per file
  -q, --quiet           print nothing but errors
  --lang zh|en          message language`,
  lint: `Usage: gongwen lint <files|dirs|globs…> [options]

  --fix                 rewrite the YAML files to fix what can be fixed (e.g. half-width punctuation)
  --style <name>        check the statutory parts this style demands
  --format text|json    output
  --lang zh|en          message language`,
  check: `Usage: gongwen check <file.pdf|file.ofd…> [--format text|json] [--lang zh|en]

Prints every GB/T 9704 rule with its measured value and pass/fail; a PDF and an OFD are told apart by their content. Exit 0 when all pass, 1 otherwise.`,
  styles: `Usage: gongwen styles [--format text|json] [--styles-dir <dir>]
       gongwen styles new <name> --from <style> [--dir <dir>]

  --from <style>   the style to copy
  --dir <dir>      the folder to create the new style in (default: the bundled styles folder)`,
  fonts: `Usage: gongwen fonts [--font-dir <dir>] [--format text|json] [--lang zh|en]`,
  import: `Usage: gongwen import <files…> [options]

Writes one YAML data file per input (the text as written, guesses in comments); .doc/.wps need LibreOffice.

  -o, --out <dir>       output folder (default: beside each input)
  --style <name>        the style the data names (default: from a province the report names, else national)
  --styles-dir <dir>    another folder to find styles in
  --format text|json    output format
  --lang zh|en          message language`,
  serve: `Usage: gongwen serve [options]

  --host <address>       address to listen on (default 127.0.0.1: this machine only)
  -p, --port <port>      port (default 8080; 0 for any free port)
  -j, --threads <N>      render threads (default: the number of cores)
  --max-queue <N>        requests that may wait when every thread is busy; past that, 429 (default 4 per thread)
  --timeout <ms>         a render running longer is stopped and answered 503 (default 60000)
  --body-limit <bytes>   the largest request body; past it, 413 (default 10 MiB)
  --token <token>        require Authorization: Bearer <token> (also GONGWEN_TOKEN)
  --cors <origin>        let browsers on these origins call (default: no cross-origin calls)
  --queue redis://…      accept jobs (POST /v1/jobs), rendered by gongwen worker
  --results <dir>        keep job results in this shared folder instead of Redis
  --ttl <seconds>        how long jobs and results are kept (default 86400)
  --attempts <N>         runs a job may have: a render that threw or a worker killed mid-job uses one (default 3)
  --backoff <ms>         the wait before the second run, doubled for each later one (default 2000)
  --styles-dir <dir>     another folder to look for styles in
  --font-dir <dir>       look for fonts here first
  --libreoffice          let POST /v1/import convert .doc and .wps with LibreOffice (default: 415)

On SIGTERM it stops accepting requests, finishes those in flight and exits 0.`,
  worker: `Usage: gongwen worker --queue redis://host:port [options]

  -j, --threads <N>          reports rendered at once (threads; default 1)
  --results <dir>            write results to this shared folder (the same as serve's --results)
  --ttl <seconds>            how long results are kept (default 86400)
  --timeout <ms>             a render running longer is stopped and retried later (default 120000)
  --lock-duration <ms>       a job's lock: when a worker is killed, its job goes to another after this (default 30000)
  --stalled-interval <ms>    how often to look for interrupted jobs (default 30000)
  --json                     one JSON line per finished job

On SIGTERM it finishes the jobs in hand and exits 0.`,
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
