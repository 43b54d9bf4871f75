import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, validate } from 'gongwen';

const examples = new URL('../../../examples/', import.meta.url);
// The Liaoning report without its 第一责任人 part: a draft still being written.
const liaoning = readFileSync(new URL('liaoning-zhuanghe-taipingling-2023.yaml', examples), 'utf8');
const draft = liaoning.replace(/^  - kind: leadership\n(?:    .*\n|\n)*?(?=  - kind:)/m, '');

describe('a report lacking a part its style requires', () => {
  it('is a draft the author can still render', () => {
    expect(draft).not.toContain('kind: leadership');
    expect(draft.length).toBeLessThan(liaoning.length);
  });

  it('renders, with one warning naming the part by the style’s own heading', async () => {
    const { outputs, diagnostics } = await render(draft, { filename: 'draft.yaml', formats: ['txt'] });
    expect(outputs.txt).toContain('太平岭满族乡');
    const missing = diagnostics.filter((d) => /missing-part/.test(d.ruleId ?? ''));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', ruleId: 'content/missing-part', file: 'draft.yaml', path: 'parts' });
    expect(missing[0]!.message).toBe('缺少“2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况”部分（leadership），样式 liaoning 要求有这一部分');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is an error under strict, and then nothing is written', async () => {
    const { outputs, diagnostics } = await render(draft, { filename: 'draft.yaml', formats: ['txt'], strict: true });
    expect(outputs).toEqual({});
    expect(diagnostics.filter((d) => d.ruleId === 'content/missing-part').map((d) => d.severity)).toEqual(['error']);
  });

  it('passes validation with the warning', async () => {
    const { diagnostics } = await validate(draft, { filename: 'draft.yaml', lang: 'en' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.find((d) => d.ruleId === 'content/missing-part')!.message).toMatch(/^the part “2023年.*” \(leadership\) is missing; the style liaoning asks for it$/);
  });
});
