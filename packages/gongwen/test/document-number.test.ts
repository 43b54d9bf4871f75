import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, render, validate } from 'gongwen';

// The Jiaokou report with its 发文字号 typed the ways offices mistype it.
const jiaokou = readFileSync(new URL('../../../examples/national-jiaokou-2021.yaml', import.meta.url), 'utf8');
const mistyped = jiaokou.replace('documentNumber: 交发〔2022〕8号', 'documentNumber: 交发[2022]第08号');

describe('the 发文字号’s form is a content rule, so its fix is reachable', () => {
  it('the mistyped example differs from the real one only there', () => {
    expect(mistyped).not.toBe(jiaokou);
    expect(mistyped.replace('交发[2022]第08号', '交发〔2022〕8号')).toBe(jiaokou);
  });

  it('validate takes it: the schema checks only that there is text', async () => {
    expect((await validate(mistyped)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lint reports each slip at the 发文字号, and --fix writes back the real line', async () => {
    const found = await lint(mistyped, { filename: 'jiaokou.yaml' });
    const own = found.diagnostics.filter((d) => d.ruleId === 'form/document-number');
    expect(own.map((d) => d.message)).toEqual(['发文字号的年份应当用六角括号〔〕括入，这里写的是“[2022]”', '发文字号的序号前不加“第”', '发文字号的序号不编虚位，“08”应写作“8”']);
    expect(own.every((d) => d.severity === 'error' && d.line === jiaokou.split('\n').findIndex((l) => l.startsWith('documentNumber:')) + 1)).toBe(true);
    const fixed = await lint(mistyped, { filename: 'jiaokou.yaml', fix: true });
    // The same text as fixing the real report (its other fixable findings, a half-width comma, are fixed too).
    expect(fixed.fixed).toBe((await lint(jiaokou, { fix: true })).fixed);
    expect(fixed.fixed).toContain('\ndocumentNumber: 交发〔2022〕8号\n');
    expect(fixed.diagnostics.filter((d) => d.ruleId === 'form/document-number')).toEqual([]);
  });

  it('a render prints it with a warning; under strict it is refused', async () => {
    const loose = await render(mistyped, { filename: 'jiaokou.yaml', formats: ['txt'] });
    expect(loose.outputs.txt).toContain('交发[2022]第08号');
    expect(loose.diagnostics.filter((d) => d.ruleId === 'form/document-number').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    const strict = await render(mistyped, { filename: 'jiaokou.yaml', formats: ['txt'], strict: true });
    expect(strict.outputs).toEqual({});
  });
});
