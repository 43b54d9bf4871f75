import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, seeds, spanText } from '../load.js';

const ids = ['year/future-date', 'year/document-number-year', 'content/addressee-level', 'form/numbering-sequence', 'content/attachment-note'];
const only = (found: { ruleId: string }[], id: string) => found.filter((d) => d.ruleId === id);

describe('rules about dates, the addressee, typed numbers and a typed 附件说明', () => {
  it.each(Object.keys(seeds) as (keyof typeof seeds)[])('are silent on seed %s (linted on 2024-06-01)', (seed) => {
    expect(lint(loadSeed(seed), { today: '2024-06-01' }).filter((d) => ids.includes(d.ruleId))).toEqual([]);
  });

  it('year/future-date: a 成文日期 after the day the caller says is today, and only then', () => {
    const fixture = loadFixture('future-date.yaml');
    const [d] = only(lint(fixture, { today: '2024-03-14' }), 'year/future-date');
    expect(d).toMatchObject({ severity: 'warning', line: 13, column: 9, path: 'signature.date', message: '成文日期2024年3月15日晚于今天（2024年3月14日）' });
    expect(only(lint(fixture, { today: '2024-03-15' }), 'year/future-date')).toEqual([]);
    expect(only(lint(fixture, { today: new Date(2024, 2, 14) }), 'year/future-date')).toHaveLength(1);
    // Without a clock the rule says nothing: lint never reads one itself.
    expect(only(lint(fixture), 'year/future-date')).toEqual([]);
    expect(only(lint(fixture, { today: '2024-03-14', lang: 'en' }), 'year/future-date')[0]!.message).toBe('the date 2024年3月15日 is after today (2024年3月14日)');
  });

  it('year/document-number-year: 〔2023〕 on a report dated in 2024, pointed at the year', () => {
    const fixture = loadFixture('document-number-year.yaml');
    const [d] = only(lint(fixture), 'year/document-number-year');
    expect(d).toMatchObject({ line: 4, message: '发文字号的年份是2023年，成文日期却在2024年' });
    expect(spanText(fixture.source, d!)).toBe('2023');
    expect(d!.hint).toContain('〔2024〕');
    // The form rule has one thing to say about a mistyped number, the year rule another.
    fixture.report.documentNumber = '青发[2023]5号';
    expect(lint(fixture).filter((x) => x.path === 'documentNumber').map((x) => x.ruleId)).toEqual(['form/document-number', 'year/document-number-year']);
  });

  it('content/addressee-level: a township report addressed to itself and to another township', () => {
    const fixture = loadFixture('addressee-level.yaml');
    const found = only(lint(fixture), 'content/addressee-level');
    expect(found.map((d) => [d.message, spanText(fixture.source, d)])).toEqual([
      ['报告主送了本乡镇自己的机关“中共青山镇委员会”', '中共青山镇委员会'],
      ['主送机关“白水乡人民政府”与发文机关同为乡镇一级，不是上级机关', '白水乡人民政府'],
    ]);
    fixture.report.addressee = ['中共青山县委员会', '青山县人民政府'];
    expect(only(lint(fixture), 'content/addressee-level')).toEqual([]);
  });

  it('form/numbering-sequence: a repeat, a skip, and a deeper form that starts again', () => {
    const fixture = loadFixture('numbering-sequence.yaml');
    const found = only(lint(fixture), 'form/numbering-sequence');
    expect(found.map((d) => [d.line, spanText(fixture.source, d), d.message])).toEqual([
      [11, '（二）', '编号“（二）”跳号：这里应是第 1 条'],
      [12, '一、', '编号“一、”与上一条重复'],
      [16, '3.', '编号“3.”跳号：这里应是第 2 条'],
    ]);
  });

  it('content/attachment-note: a typed 附件说明 that lists two where attachments has one', () => {
    const fixture = loadFixture('attachment-note.yaml');
    const [d] = only(lint(fixture), 'content/attachment-note');
    expect(d).toMatchObject({ line: 11, message: '手写的附件说明列了 2 件，attachments 有 1 件' });
    expect(spanText(fixture.source, d!)).toBe('附件：');
    fixture.report.closing = ['附件：青山镇2023年法治政府建设统计表'];
    expect(only(lint(fixture), 'content/attachment-note')[0]!.message).toBe('正文里手写了附件说明，样式还会按 attachments 再排一次');
    delete fixture.report.attachments;
    expect(only(lint(fixture), 'content/attachment-note')[0]!.message).toBe('正文里写了附件说明（1 件），报告却没有附件（attachments）');
  });
});
