import { describe, expect, it } from 'vitest';
import { lint, loadFixture, loadSeed, spanText } from '../load.js';

const seedIds = ['000', '001', '002', '003', '004'] as const;

describe('content/request-in-report', () => {
  const id = 'content/request-in-report';
  it('is silent on the seeds, which end with 特此报告', () => {
    for (const s of seedIds) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('finds each request, at its words', () => {
    const fixture = loadFixture('request-in-report.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => [d.path, spanText(fixture.source, d)])).toEqual([
      ['parts[1].body[0]', '妥否，请批示'],
      ['closing[0]', '请予审批'],
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', message: '报告中写了“妥否，请批示”：报告不得夹带请示事项' });
  });
});

describe('content/placeholder', () => {
  const id = 'content/placeholder';
  it('is silent on the seeds', () => {
    for (const s of seedIds) expect(lint(loadSeed(s)).filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('finds ×××, XXX, 某某, （空一行） and a paragraph of ……', () => {
    const fixture = loadFixture('placeholder.yaml');
    const found = lint(fixture).filter((d) => d.ruleId === id);
    expect(found.map((d) => d.message)).toEqual(['留有占位符“XXX”', '留有占位符“某某”', '留有占位符“（空一行）”', '留有占位符“……”']);
    // An issuer's name is data for the header, not prose: the ××× there is found by its own place in the text.
    expect(found.find((d) => d.path === 'parts[0].body[0]')).toMatchObject({ line: 11 });
  });

  it('lets an ellipsis inside a sentence be', () => {
    const seed = loadSeed('001');
    seed.report.closing = ['开展了普法宣传、矛盾调处……等工作。'];
    expect(lint(seed).filter((d) => d.ruleId === id)).toEqual([]);
  });
});
