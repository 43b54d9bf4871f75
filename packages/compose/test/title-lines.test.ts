import { describe, expect, it } from 'vitest';
import { breakTitle, titleWidth } from '../src/title-lines.js';

// 156 mm of 22 pt 小标宋: 20 characters a line.
const capacity = 20;
const lines = (title: string, organs: string[] = []) => breakTitle([title], { capacity, organs });

describe('breakTitle (GB/T 9704 7.3.1)', () => {
  it('leaves a title that fits on one line alone', () => {
    expect(lines('太平岭满族乡2023年法治政府建设情况报告')).toEqual(['太平岭满族乡2023年法治政府建设情况报告']);
  });

  it('breaks after the organ, upper line shorter (the Guangdong township title)', () => {
    expect(lines('遂溪县乌塘镇人民政府2021年法治政府建设年度报告', ['遂溪县乌塘镇人民政府'])).toEqual(['遂溪县乌塘镇人民政府', '2021年法治政府建设年度报告']);
    // Without knowing the organ, the year still marks the unit.
    expect(lines('遂溪县乌塘镇人民政府2021年法治政府建设年度报告')).toEqual(['遂溪县乌塘镇人民政府', '2021年法治政府建设年度报告']);
  });

  it('breaks before 关于 in the standard form', () => {
    expect(lines('南郑区法镇人民政府关于2022年度法治政府建设情况的报告')).toEqual(['南郑区法镇人民政府', '关于2022年度法治政府建设情况的报告']);
  });

  it('puts joint issuers (党委 + 政府) on the first line, the subject below', () => {
    const organs = ['中共甲乡委员会', '甲乡人民政府'];
    expect(lines('中共甲乡委员会 甲乡人民政府关于2021年度法治政府建设情况的报告', organs)).toEqual(['中共甲乡委员会 甲乡人民政府', '关于2021年度法治政府建设情况的报告']);
  });

  it('stacks the 党工委 and the 办事处 when together they are too long, never breaking inside a name', () => {
    const organs = ['中共榕湾区临江街道工作委员会', '榕湾区临江街道办事处'];
    const out = lines('中共榕湾区临江街道工作委员会 榕湾区临江街道办事处2022年法治政府建设情况报告', organs);
    expect(out).toEqual(['中共榕湾区临江街道工作委员会', '榕湾区临江街道办事处', '2022年法治政府建设情况报告']);
  });

  it('keeps a long county-department name whole when it fits a line', () => {
    const out = lines('中共秦川县委全面依法治县委员会办公室关于2023年度法治政府建设工作情况的报告');
    expect(out).toEqual(['中共秦川县委全面依法治县委员会办公室', '关于2023年度法治政府建设工作情况的报告']);
  });

  it('breaks a name longer than a line after its place, not mid-word', () => {
    const out = lines('某某自治州某某县人民政府办公室与某某县司法局联合工作组关于2023年度法治政府建设情况的报告');
    for (const l of out) expect(titleWidth(l)).toBeLessThanOrEqual(capacity);
    expect(out.join('')).toBe('某某自治州某某县人民政府办公室与某某县司法局联合工作组关于2023年度法治政府建设情况的报告');
    expect(out.at(-1)).toBe('关于2023年度法治政府建设情况的报告');
  });

  it('never gives one line wider than the block, and loses no character, whatever the title', () => {
    const long = '法治'.repeat(70);
    const out = lines(long);
    expect(out.join('')).toBe(long);
    for (const l of out) expect(titleWidth(l)).toBeLessThanOrEqual(capacity);
    expect(lines('关于2021年度法治政府建设情况的报告（征求意见稿）第一部分内容概要')).toSatisfy((ls: string[]) => ls.every((l) => !/^[）》]/.test(l)));
  });

  it('keeps the lines a style or the data gives when they fit', () => {
    expect(breakTitle(['汉中市南郑区法镇人民政府', '关于2022年度法治政府建设情况的报告'], { capacity })).toEqual(['汉中市南郑区法镇人民政府', '关于2022年度法治政府建设情况的报告']);
  });
});

describe('breakTitle on hostile titles', () => {
  it('stays quick and whole on a title that could break everywhere', () => {
    const spaced = Array.from({ length: 40 }, () => '法').join(' ');
    const t0 = process.cpuUsage();
    const out = breakTitle([spaced], { capacity });
    const cpuMs = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    expect(out.join('').replace(/ /g, '')).toBe('法'.repeat(40));
    for (const l of out) expect(titleWidth(l)).toBeLessThanOrEqual(capacity);
    // CPU time, not wall-clock: the search is bounded by a count of tries.
    expect(cpuMs).toBeLessThan(1000);
  });
});
