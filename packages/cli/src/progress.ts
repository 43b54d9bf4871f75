import { isAbsolute, relative } from 'node:path';
import { formatDiagnostic, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { say } from './messages.js';
import type { RenderRecord } from './render-job.js';

export type ProgressMode = 'bar' | 'lines' | 'quiet' | 'json';

export interface Summary {
  rendered: number;
  failed: number;
  skipped: number;
  seconds: number;
  perSecond: number;
}

/**
 * Reports a batch as it runs: a live bar with rate and ETA on a terminal, one line per file
 * otherwise, only errors with `--quiet`, one JSON record per file with `--json`.
 */
/** Warnings printed per report during a render. */
const warningsShown = 3;

export class Progress {
  private done = 0;
  private readonly counts = { rendered: 0, failed: 0, skipped: 0 };
  private readonly started = performance.now();
  private barShown = false;
  private lastDraw = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly total: number,
    private readonly lang: Lang,
    private readonly color: boolean,
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  /** Shows the empty bar before the first report is done. */
  start(): void {
    if (this.mode === 'bar' && this.total > 0) this.drawBar();
  }

  record(r: RenderRecord): void {
    this.done++;
    this.counts[r.status]++;
    if (this.mode === 'json') {
      const { source: _source, entry: _entry, ...rest } = r;
      this.out.write(`${JSON.stringify(rest)}\n`);
      return;
    }
    // Redraw the bar at most ten times a second; clear it only to print something above it.
    const prints = this.mode === 'lines' || r.diagnostics.some((d) => this.mode !== 'quiet' || d.severity === 'error');
    if (prints) this.clearBar();
    this.printDiagnostics(r.diagnostics, r.source, r.input);
    if (this.mode === 'lines') {
      const mark = r.status === 'rendered' ? '✓' : r.status === 'failed' ? '✗' : '·';
      const detail =
        r.status === 'skipped'
          ? say(this.lang, '未改变，跳过', 'unchanged, skipped')
          : r.status === 'failed'
            ? say(this.lang, '失败', 'failed')
            : `→ ${r.outputs.map((o) => shortPath(o.path)).join(', ')} (${r.ms} ms)`;
      this.out.write(`${mark} ${r.input} ${detail}\n`);
    }
    const now = performance.now();
    if (this.mode === 'bar' && (prints || now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.drawBar();
    }
  }

  /**
   * Prints diagnostics: every error, and for one report (`input`) the first few warnings only, so a
   * batch stays readable; `gongwen lint` and `--json` give them all.
   */
  printDiagnostics(diagnostics: readonly Diagnostic[], source?: string, input?: string): void {
    if (this.mode === 'json') return;
    let warnings = 0;
    for (const d of diagnostics) {
      if (this.mode === 'quiet' && d.severity !== 'error') continue;
      if (d.severity !== 'error' && input !== undefined && ++warnings > warningsShown) continue;
      this.err.write(`${formatDiagnostic(d, { source: d.file && source !== undefined ? source : undefined, lang: this.lang, color: this.color })}\n`);
    }
    const more = warnings - warningsShown;
    if (more > 0) this.err.write(`${say(this.lang, `……另有 ${more} 条警告，全部列出：gongwen lint ${input}`, `… and ${more} more warnings; to list them all: gongwen lint ${input}`)}\n`);
  }

  summary(): Summary {
    const seconds = (performance.now() - this.started) / 1000;
    const processed = this.counts.rendered + this.counts.failed;
    const s: Summary = { ...this.counts, seconds: round(seconds, 2), perSecond: round(seconds > 0 ? processed / seconds : 0, 1) };
    this.clearBar();
    if (this.mode === 'json') this.out.write(`${JSON.stringify({ summary: s })}\n`);
    else if (this.mode !== 'quiet' || s.failed) {
      const line = say(
        this.lang,
        `已生成 ${s.rendered}，失败 ${s.failed}，跳过 ${s.skipped}；用时 ${s.seconds} 秒（每秒 ${s.perSecond} 份）`,
        `rendered ${s.rendered}, failed ${s.failed}, skipped ${s.skipped} in ${s.seconds} s (${s.perSecond} reports/s)`,
      );
      (this.mode === 'quiet' ? this.err : this.out).write(`${line}\n`);
    }
    return s;
  }

  private drawBar(): void {
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? `${Math.ceil((this.total - this.done) / rate)}s` : '--';
    const failed = this.counts.failed ? say(this.lang, ` 失败 ${this.counts.failed}`, ` failed ${this.counts.failed}`) : '';
    this.err.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${rate.toFixed(1)}/s ETA ${eta}${failed}\u001b[K`);
    this.barShown = true;
  }

  private clearBar(): void {
    if (this.barShown) this.err.write('\r\u001b[K');
    this.barShown = false;
  }
}

/** A path relative to the working directory when it is inside it, as a user would type it. */
function shortPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
