import type { RenderPool } from '@gongwen/pool';

// A short report in the national style: rendering it once per thread loads the fonts and the
// style's templates there before the service says it is ready.
const report = `style: national
year: 2024
issuers:
  - name: 示例县人民政府
parts:
  - kind: measures
    body:
      - 一年来，依法行政水平稳步提高。
  - kind: shortcomings
    body:
      - 基层执法力量仍显不足。
  - kind: leadership
    body:
      - 主要负责人切实履行第一责任人职责。
  - kind: plans
    body:
      - 下一年度继续推进法治政府建设。
`;

/** Renders the short report to PDF on every thread at once. Resolves to the diagnostics of a thread that failed, if any. */
export async function warmUp(pool: RenderPool, options: { fontDirs?: string[]; styleDirs?: string[] }): Promise<void> {
  const source = new TextEncoder().encode(report);
  const runs = Array.from({ length: pool.threads }, () => pool.run({ source, filename: 'warm-up.yaml', formats: ['pdf'], styleDirs: options.styleDirs, fontDirs: options.fontDirs }));
  const results = await Promise.all(runs);
  const failed = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
  if (failed.length) throw new Error(failed.map((d) => `${d.ruleId}: ${d.message}`).join('; '));
}
