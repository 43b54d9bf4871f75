import type { CheckReport } from './check-report.js';

export interface FormatOptions {
  lang?: 'zh' | 'en';
  /** Wrap ✓/✗ in ANSI colours. */
  color?: boolean;
}

/** Terminal columns a string takes: CJK and full-width forms take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000 ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** The table `gongwen check` prints: one row per rule with its result, measured value and requirement. */
export function formatCheckReport(report: CheckReport, options: FormatOptions = {}): string {
  const zh = (options.lang ?? 'zh') === 'zh';
  const paint = (s: string, code: number): string => (options.color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const header = zh ? ['规则', '结果', '测量值', '要求'] : ['rule', 'result', 'measured', 'expected'];
  const rows = report.rules.map((r) => [
    `${r.id} ${zh ? r.title : r.titleEn}`,
    r.skipped ? '–' : r.pass ? '✓' : '✗',
    zh ? r.measured : r.measuredEn,
    zh ? r.expected : r.expectedEn,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(displayWidth(header[i]!), ...rows.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[], colourResult = false): string =>
    cells
      .map((c, i) => {
        const text = i < 3 ? pad(c, widths[i]!) : c;
        if (!colourResult || i !== 1) return text;
        return c === '✓' ? paint(text, 32) : c === '✗' ? paint(text, 31) : text;
      })
      .join('  ')
      .trimEnd();
  const failed = report.rules.filter((r) => !r.pass).length;
  const summary = report.conformant
    ? zh
      ? `符合 GB/T 9704-2012（${report.rules.length} 项规则，${report.pageCount} 页）`
      : `conforms to GB/T 9704-2012 (${report.rules.length} rules, ${report.pageCount} pages)`
    : zh
      ? `不符合 GB/T 9704-2012：${failed} 项未通过（共 ${report.rules.length} 项，${report.pageCount} 页）`
      : `does not conform to GB/T 9704-2012: ${failed} of ${report.rules.length} rules failed (${report.pageCount} pages)`;
  return [line(header), ...rows.map((r) => line(r, true)), '', summary].join('\n') + '\n';
}
