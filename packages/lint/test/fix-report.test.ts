import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixReport } from '../src/index.js';
import { examplesDir, fixturesDir, lint, loadText, seeds } from './load.js';

const id = 'form/halfwidth-punctuation';

describe('fixReport', () => {
  it('rewrites seed 001’s half-width punctuation so it re-lints clean, keeping its comments and layout', () => {
    const source = readFileSync(examplesDir + seeds['001'], 'utf8');
    const before = loadText(source);
    const fixed = fixReport(source, lint(before));
    const after = loadText(fixed);
    expect(lint(after).filter((d) => d.ruleId === id)).toEqual([]);
    // Only the marks changed: same lines, same comments, same other rules' findings.
    const a = source.split('\n');
    const b = fixed.split('\n');
    expect(b).toHaveLength(a.length);
    for (const [i, line] of a.entries()) if (line.trimStart().startsWith('#')) expect(b[i]).toBe(line);
    expect(b[29]).toBe('      - heading: 提高政治站位，聚焦思想引领');
    expect(lint(after).filter((d) => d.ruleId !== id)).toEqual(lint(before).filter((d) => d.ruleId !== id));
    // `“6.3”` is a date, not punctuation, and stays as written.
    expect(after.report.parts[0]!.body[8]).toMatchObject({ body: [expect.stringContaining('在“6.3”虎门销烟纪念日'), expect.any(String)] });
  });

  it('fixes a fixture: quoted and plain scalars, inline and own-line comments kept, URLs and times untouched', () => {
    const source = readFileSync(fixturesDir + 'halfwidth-punctuation.yaml', 'utf8');
    const fixed = fixReport(source, lint(loadText(source)));
    expect(fixed).toContain('  - name: 青山镇人民政府   # the issuing organ');
    expect(fixed).toContain('      # A comment inside the body that must survive --fix.');
    expect(fixed).toContain('      - 全年召开会议12次，审议事项38项；各村（居）均设调解室。');
    expect(fixed).toContain('      - "主要做法是：每天8:30前完成巡查，合格率达99.5%，详见 http://qs.gov.cn 网站。"');
    expect(fixed).toContain('      - Email: info@qs.gov.cn (weekdays)\n');
    expect(lint(loadText(fixed)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('applies several fixes to one string and rewrites the document number, keeping quotes and comments', () => {
    const source = readFileSync(fixturesDir + 'fix-several.yaml', 'utf8');
    const before = lint(loadText(source));
    expect(before.map((d) => d.ruleId).sort()).toEqual([
      'content/missing-part', 'content/missing-part', 'content/missing-part', 'content/missing-part',
      'form/date-format', 'form/date-format', 'form/document-number', 'form/document-number', 'form/document-number',
      'form/halfwidth-punctuation', 'form/halfwidth-punctuation', 'form/halfwidth-punctuation',
    ]);
    const fixed = fixReport(source, before);
    expect(fixed).toContain('documentNumber: "青发〔2024〕3号"   # quoted on purpose');
    expect(fixed).toContain('      - 2023年3月5日召开专题会议，审议事项38项。');
    const after = loadText(fixed);
    expect(after.report.parts[0]!.body[1]).toBe('2023年12月28日听取汇报，全部整改到位。');
    expect(fixed).toContain('      - >-\n');
    expect(fixed).toContain('        text: |\n          送法进村20场，发放资料3000余份。\n');
    expect(lint(after).map((d) => d.ruleId)).toEqual(Array(4).fill('content/missing-part'));
  });

  it('leaves the text alone when nothing is fixable', () => {
    const source = readFileSync(examplesDir + seeds['003'], 'utf8');
    expect(fixReport(source, lint(loadText(source)))).toBe(source);
  });
});
