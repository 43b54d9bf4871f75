import { describe, expect, it } from 'vitest';
import { render } from 'gongwen';
import { example } from './helpers.js';

const report = example('national-jiaokou-2021');
const sealed = report.replace(/^(signature:\n)/m, '$1  seals: [seal.png]\n');
// A program calling the library from JavaScript, without the types.
const call = render as (source: unknown, options?: unknown) => ReturnType<typeof render>;

describe('render() misuse by a calling program', () => {
  it('answers a format it does not know with a diagnostic naming the option', async () => {
    const r = await call(report, { formats: ['exe'], lang: 'en' });
    expect(r.outputs).toEqual({});
    expect(r.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'options/invalid', path: 'formats[0]' }]);
    expect(r.diagnostics[0]!.message).toMatch(/unknown format "exe" \(choose from pdf, docx, txt, md, html, ofd\)/);
  });

  it('answers options left out, or of the wrong kind, the same way', async () => {
    expect((await call(report)).diagnostics).toMatchObject([{ ruleId: 'options/invalid', path: 'options' }]);
    expect((await call(report, { formats: 'pdf' })).diagnostics).toMatchObject([{ ruleId: 'options/invalid', path: 'formats' }]);
    expect((await call(42, { formats: [] })).diagnostics).toMatchObject([{ ruleId: 'options/source', path: 'source' }]);
    const several = await call(report, { formats: [], style: {}, fonts: 'noto', lang: 'fr', styleDirs: 'styles', strict: 'yes', maxBytes: -1 });
    expect(several.diagnostics.map((d) => d.path).sort()).toEqual(['fonts', 'lang', 'maxBytes', 'strict', 'style', 'styleDirs']);
  });

  it('turns an assets reader that throws, or returns something else than bytes, into a diagnostic at the seal', async () => {
    const line = sealed.split('\n').findIndex((l) => l.includes('seals: [seal.png]')) + 1;
    const thrown = await call(sealed, { formats: ['txt'], assets: () => { throw new Error('disk on fire'); } });
    expect(thrown.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'options/assets', line, path: 'signature.seals[0]' }));
    expect(thrown.diagnostics.find((d) => d.ruleId === 'options/assets')!.message).toContain('disk on fire');
    const junk = await call(sealed, { formats: ['txt'], assets: () => 'seal.png' });
    expect(junk.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'options/assets', line }));
  });

  it('never throws from inside, whatever option objects it is given (fuzz)', async () => {
    // A small deterministic generator, so a failure reproduces.
    let seed = 20260;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const leaf = (): unknown =>
      pick<() => unknown>([
        () => undefined, () => null, () => 0, () => -1, () => NaN, () => 1e21, () => '', () => 'national', () => 'en', () => 'pdf',
        () => true, () => false, () => [], () => ['txt'], () => [1, null], () => ({}), () => ({ manifest: {} }), () => new Uint8Array(3),
        () => Symbol('s'), () => () => { throw new TypeError('from the caller'); }, () => () => 'junk', () => Object.create(null),
      ])();
    const keys = ['filename', 'style', 'formats', 'fonts', 'fontDirs', 'embedFonts', 'fontNames', 'assets', 'lang', 'strict', 'allowMissingGlyphs', 'maxBytes', 'styleDirs', 'unknown'];
    const formats = [undefined, null, 'pdf', ['exe'], [], ['txt'], ['md', 'txt'], [1], {}, ['txt', 'txt']];
    for (let i = 0; i < 300; i++) {
      const options: Record<string, unknown> = { formats: pick(formats) };
      for (const k of keys) if (next() < 0.4) options[k] = leaf();
      const source = next() < 0.9 ? pick([report, sealed]) : leaf();
      let result: Awaited<ReturnType<typeof render>> | undefined;
      try {
        result = await call(source, next() < 0.03 ? pick([undefined, null, 'pdf', 7]) : options);
      } catch (e) {
        throw new Error(`render() threw for options ${String(Object.keys(options))}: ${(e as Error).stack}`);
      }
      expect(Array.isArray(result.diagnostics)).toBe(true);
      for (const d of result.diagnostics) expect(d.message).not.toMatch(/is not a function|Cannot read propert|undefined is not/);
    }
  });
});
