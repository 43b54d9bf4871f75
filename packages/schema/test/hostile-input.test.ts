import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';
import { cpuTimed } from './cpu-time.js';

const minimal = `style: national
year: 2021
issuers:
  - name: 交口乡人民政府
parts:
  - kind: measures
    body:
      - 正文。
`;

/** Loads and checks the invariant every input must keep: finished in time, no report unless clean. */
function timedLoad(input: string | Uint8Array, limitMs = 1000, options: Parameters<typeof loadReport>[1] = {}) {
  const { result, ms } = cpuTimed(() => loadReport(input, { filename: 'hostile.yaml', ...options }));
  expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
  return result;
}

const rules = (r: ReturnType<typeof loadReport>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);

describe('input that is refused before parsing', () => {
  it('refuses a 20 MB file in under a second, as text and as bytes', () => {
    const big = `${minimal}preamble:\n${'  - 这是一段很长的文字，用来把文件撑到二十兆字节。\n'.repeat(300_000)}`;
    expect(big.length).toBeGreaterThan(6_000_000);
    const bytes = new TextEncoder().encode(big);
    expect(bytes.byteLength).toBeGreaterThan(20_000_000);
    for (const input of [big, bytes]) {
      const r = timedLoad(input, 1000);
      expect(rules(r)).toEqual(['1:1 input/too-large']);
      expect(r.diagnostics[0]!.message).toContain('1.0 MiB');
      expect(r.report).toBeUndefined();
    }
  });

  it('lets the size limit be raised or lowered', () => {
    expect(rules(timedLoad(minimal, 1000, { maxBytes: 100 }))).toEqual(['1:1 input/too-large']);
    expect(timedLoad(minimal, 1000, { maxBytes: 10_000 }).report).toBeDefined();
  });

  it('counts bytes, not characters: Chinese text is three bytes a character', () => {
    const text = `${minimal}closing:\n  - ${'字'.repeat(1000)}\n`;
    expect(text.length).toBeLessThan(1500);
    expect(rules(timedLoad(text, 1000, { maxBytes: 2000 }))).toEqual(['1:1 input/too-large']);
  });

  it('refuses a binary file and says where the first NUL byte is', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = timedLoad(png);
    // \r\n ends line 1 and \n line 2: the first NUL opens line 3.
    expect(rules(r)).toEqual(['3:1 input/binary']);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(rules(timedLoad(random)).map((s) => s.split(' ')[1])).toEqual(['input/binary']);
  });

  it('refuses NUL characters in a string input too', () => {
    expect(rules(timedLoad('style: nat\u0000ional\n'))).toEqual(['1:11 input/binary']);
  });

  it('refuses a string with half a surrogate pair', () => {
    expect(rules(timedLoad(`${minimal}closing: ["\uDC00"]\n`))).toEqual(['9:12 input/encoding']);
  });

  it('refuses a GBK-encoded file and says so', () => {
    // "year: 2021\ntitle: 报告" with 报告 in GBK (B1 A8 B8 E6).
    const gbk = new Uint8Array([...new TextEncoder().encode('year: 2021\ntitle: '), 0xb1, 0xa8, 0xb8, 0xe6, 0x0a]);
    const r = timedLoad(gbk);
    expect(rules(r)).toEqual(['2:8 input/encoding']);
    expect(r.diagnostics[0]!.message).toContain('GBK');
    expect(r.diagnostics[0]!.hint).toContain('UTF-8');
  });

  it('counts columns before a bad byte the way the rest of the messages do', () => {
    // "a: 😀" then a lone continuation byte: the emoji is two UTF-16 units, so the byte is column 6.
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 😀'), 0x80, 0x0a]);
    expect(rules(timedLoad(bytes))).toEqual(['1:6 input/encoding']);
  });

  it('refuses UTF-16 (what Notepad calls "Unicode")', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'style: national\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = timedLoad(utf16, 1000, { lang: 'en' });
    expect(rules(r)).toEqual(['1:1 input/encoding']);
    expect(r.diagnostics[0]!.message).toContain('UTF-16');
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(minimal)]);
    const r = timedLoad(withBom);
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.style).toBe('national');
    expect(timedLoad(`\uFEFF${minimal}`).report?.year).toBe(2021);
  });

  it('refuses an empty file, a blank one and one with only comments', () => {
    expect(rules(timedLoad(new Uint8Array(0)))).toEqual(['1:1 input/empty']);
    expect(rules(timedLoad(''))).toEqual(['1:1 input/empty']);
    expect(rules(timedLoad('  \n\n\t\n'))).toEqual(['1:1 input/empty']);
    expect(rules(timedLoad('# style: national\n'))).toEqual(['1:1 input/empty']);
  });
});

describe('input that is hostile to a parser', () => {
  it('survives 100,000 nested brackets', () => {
    const r = timedLoad(`parts: ${'['.repeat(100_000)}`);
    expect(r.report).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['yaml/too-deep']);
    expect(r.diagnostics[0]!.line).toBe(1);
  });

  it('refuses thousands of closed brackets at the first one too deep, before building the tree', () => {
    // Closed, they parse: every later stage would recurse thousands of frames deep.
    const r = timedLoad(`${minimal}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['yaml/too-deep']);
    const line = minimal.split('\n').length;
    expect(r.diagnostics[0]).toMatchObject({ line, column: 'deep: '.length + 256 });
  });

  it('survives nesting that parses but is deeper than any report', () => {
    let yaml = minimal;
    for (let depth = 0, indent = '      '; depth < 80; depth++, indent += '    ') {
      yaml += `${indent}- heading: 第${depth}层\n${indent}  body:\n`;
    }
    yaml += `${' '.repeat(6 + 80 * 4)}- 正文。\n`;
    const r = timedLoad(yaml);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['input/too-deep']);
    expect(r.diagnostics[0]!.line).toBeGreaterThan(20);
  });

  it('survives a billion laughs written as block mappings', () => {
    const levels = ['a: &a [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const r = timedLoad(`${minimal}${levels.join('\n')}\n`);
    // The first alias of the last level is where the expansion explodes.
    expect(rules(r)).toEqual(['18:8 yaml/alias-limit']);
  });

  it('refuses a few aliases that multiply a large anchored list', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `  - 段落${i}`).join('\n');
    const parts = Array.from({ length: 50 }, () => '  - { kind: measures, body: *a }').join('\n');
    const yaml = `style: national\nyear: 2021\nissuers: [{ name: x }]\npreamble: &a\n${items}\nparts:\n${parts}\n`;
    const r = timedLoad(yaml);
    // 50 copies of 20,000 paragraphs: a million values to validate, refused before expanding any.
    expect(rules(r)).toEqual([`${20_000 + 6}:29 yaml/alias-limit`]);
  });

  it('refuses an alias inside the data it refers to', () => {
    expect(rules(timedLoad('style: national\nparts: &p [{ kind: measures, body: *p }]\n'))).toEqual(['2:36 yaml/alias-cycle']);
  });

  it('allows a few aliases that reuse data', () => {
    const yaml = `style: national
year: 2021
issuers:
  - &gov { name: 交口乡人民政府 }
parts:
  - kind: measures
    body: [正文。]
signature:
  organs: [&name 交口乡人民政府]
  date: 2022-01-09
printing: { organ: *name, date: 2022-01-09 }
`;
    const r = timedLoad(yaml);
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.printing?.organ).toBe('交口乡人民政府');
  });

  it('reports a huge string as too long instead of choking on it', () => {
    const r = timedLoad(`${minimal}closing:\n  - ${'长'.repeat(300_000)}\n`);
    expect(rules(r)).toEqual(['10:5 schema/range']);
    expect(r.diagnostics[0]!.message).toContain('20000');
  });

  it('handles tens of thousands of keys in linear time', () => {
    const load = (n: number) => {
      const keys = Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n');
      const { result: r, ms } = cpuTimed(() => loadReport(`${minimal}${keys}\nk7: again\n`));
      return { r, ms };
    };
    load(1000); // warm up the compiled validator
    const small = load(10_000);
    const large = load(40_000);
    // Four times the keys: linear work takes about four times as long, quadratic sixteen.
    expect(large.ms / small.ms, `${small.ms.toFixed(0)} ms vs ${large.ms.toFixed(0)} ms`).toBeLessThan(8);
    expect(large.ms).toBeLessThan(3000);
    const ids = large.r.diagnostics.map((d) => d.ruleId);
    expect(ids.filter((id) => id === 'yaml/duplicate-key')).toHaveLength(1);
    // Listing 40,000 unknown keys helps nobody: the first 200, then a count of the rest. With that
    // many errors the parts are not checked at all, so the count is a lower bound.
    expect(ids.filter((id) => id === 'schema/unknown-key')).toHaveLength(200);
    expect(large.r.diagnostics.find((d) => d.ruleId === 'schema/too-many')?.message).toBe('另有至少 39800 处问题未列出');
  });

  it('checks tens of thousands of wrong items in linear time', () => {
    const load = (n: number) => {
      const items = Array.from({ length: n }, (_, i) => (i % 2 ? '      - 1' : '      - { lead: 1, bad: x }')).join('\n');
      const { result: r, ms } = cpuTimed(() => loadReport(`${minimal}${items}\n`));
      return { r, ms };
    };
    load(100);
    const small = load(4_000);
    const large = load(16_000);
    expect(large.ms / small.ms, `${small.ms.toFixed(0)} ms vs ${large.ms.toFixed(0)} ms`).toBeLessThan(8);
    expect(large.r.diagnostics).toHaveLength(201);
    expect(large.r.diagnostics.filter((d) => d.ruleId === 'schema/too-many')).toHaveLength(1);
  });

  it('evaluates nothing: code-bearing tags stay inert text and are reported', () => {
    const r = timedLoad(`${minimal}closing:\n  - !!js/function "function () { globalThis.pwned = true }"\n  - !!js/undefined x\n`);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['yaml/unknown-tag', 'yaml/unknown-tag']);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('keeps markup and template syntax in the data as plain text', () => {
    const text = '{{#each parts}}<script>alert(1)</script>{{/each}} ${process.exit()} <%= 1 %>';
    const r = timedLoad(`${minimal}closing:\n  - ${JSON.stringify(text)}\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.closing).toEqual([text]);
  });

  it('does not let __proto__ in the data reach any prototype', () => {
    const r = timedLoad(`${minimal}__proto__:\n  polluted: true\n`);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['schema/unknown-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
